using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Playout.Server.Hosting;

namespace Playout.Server.Web;

/// <summary>
/// Answers only requests that name this service in their Host header: a loopback name, the address it listens on, or a
/// name in api.allowedHosts. A page of another site that re-points its own name at 127.0.0.1 (DNS rebinding) names its
/// own host, so it is refused before it can read anything, or find the Origin check satisfied.
/// </summary>
public static class HostFilter
{
    public static void Use(WebApplication app, ServiceConfig config)
    {
        var allowed = new HashSet<string>(config.Api.AllowedHosts, StringComparer.OrdinalIgnoreCase);
        string listening = ApiConfig.HostOf(config.Http);
        if (IPAddress.TryParse(listening, out var address) ? !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any) : listening.Length > 0)
            allowed.Add(listening);
        app.Use(async (http, next) =>
        {
            string host = http.Request.Host.Host.Trim('[', ']');
            if (ApiConfig.IsLoopback(host) || allowed.Contains(host))
            {
                await next(http);
                return;
            }
            string named = host.Length == 0 ? "no host" : $"host '{host}'";
            await Results.Problem($"this service does not answer to {named}; add the name to \"api.allowedHosts\" in the configuration if it is one of its names",
                statusCode: StatusCodes.Status421MisdirectedRequest).ExecuteAsync(http);
        });
    }
}
