using System.Net;
using System.Text.Json;

namespace Playout.Server.Tests.Web;

/// <summary>Checks a refused request: its status, and the problem answer's detail starting with what it should say.</summary>
internal static class ProblemAnswer
{
    public static async Task Refused(Task<HttpResponseMessage> request, HttpStatusCode status, string detail)
    {
        using var response = await request;
        Assert.Equal(status, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith(detail, problem.RootElement.GetProperty("detail").GetString());
    }
}
