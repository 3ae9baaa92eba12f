using System.Net;
using System.Text.Json;

namespace Playout.Server.Tests.Web;

/// <summary>The open channel's loudness meters over REST: read, streamed, reset by someone allowed to.</summary>
[Collection(OpenServiceCollection.Name)]
public class LoudnessEndpointTests(OpenService open)
{
    [Fact]
    public async Task The_meters_read_the_silent_filler_as_no_value_stream_and_reset_only_with_a_token()
    {
        using var anonymous = open.Service.Client();
        using var engineer = open.Service.Client(open.LocalToken);
        using var meters = JsonDocument.Parse(await anonymous.GetStringAsync("/api/channels/1/loudness"));
        Assert.Equal(-23, meters.RootElement.GetProperty("target").GetDouble());
        var programme = meters.RootElement.GetProperty("meters")[0];
        Assert.Equal(("pair 1", "stereo at 1 of 16"), (programme.GetProperty("name").GetString(), programme.GetProperty("layout").GetString()));
        // The filler is silent: nothing passes the gates, so no figure is made up.
        Assert.Equal(JsonValueKind.Null, programme.GetProperty("integrated").ValueKind);
        Assert.Equal(JsonValueKind.Null, programme.GetProperty("truePeak").ValueKind);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/channels/9/loudness")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/channels/1/loudness/reset", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await engineer.PostAsync("/api/channels/1/loudness/reset", null)).StatusCode);

        using var stream = new HttpClient { BaseAddress = anonymous.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await stream.GetAsync("/api/channels/1/loudness/stream", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var lines = new List<string>();
        while (lines.Count(l => l.StartsWith("data:", StringComparison.Ordinal)) < 2)
            lines.Add(await reader.ReadLineAsync() ?? throw new EndOfStreamException("the stream ended"));
        Assert.Contains("event: loudness", lines);
        using var first = JsonDocument.Parse(lines.First(l => l.StartsWith("data:", StringComparison.Ordinal))["data:".Length..]);
        Assert.Equal(-23, first.RootElement.GetProperty("target").GetDouble());
    }
}
