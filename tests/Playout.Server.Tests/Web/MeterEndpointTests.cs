using System.Net;
using System.Text.Json;

namespace Playout.Server.Tests.Web;

/// <summary>The programme's peak meters over REST: read and streamed, for any channel, automated or not.</summary>
[Collection(OpenServiceCollection.Name)]
public class MeterEndpointTests(OpenService open)
{
    [Fact]
    public async Task The_meters_read_eight_silent_pairs_at_the_floor_with_the_loudness_figures_and_stream_twelve_times_a_second()
    {
        using var client = open.Service.Client();
        using var meters = JsonDocument.Parse(await client.GetStringAsync("/api/channels/1/meters"));
        var pairs = meters.RootElement.GetProperty("pairs");
        Assert.Equal(8, pairs.GetArrayLength());
        Assert.Equal("pair 1", pairs[0].GetProperty("name").GetString());
        // The filler is silent: every reading sits at the floor, nothing clips, and loudness has no figure yet.
        Assert.Equal([-90.0, -90.0], pairs[0].GetProperty("peak").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([-90.0, -90.0], pairs[0].GetProperty("ppm").EnumerateArray().Select(v => v.GetDouble()));
        Assert.False(pairs[0].GetProperty("clip").GetBoolean());
        Assert.Equal(JsonValueKind.Null, meters.RootElement.GetProperty("momentary").ValueKind);
        Assert.True(meters.RootElement.GetProperty("tick").GetInt64() > 0);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/channels/3/meters")).StatusCode);

        using var stream = new HttpClient { BaseAddress = client.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await stream.GetAsync("/api/channels/1/meters/stream", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var ticks = new List<long>();
        var started = DateTime.UtcNow;
        while (ticks.Count < 13)
        {
            string line = await reader.ReadLineAsync() ?? throw new EndOfStreamException("the stream ended");
            if (line.StartsWith("data:", StringComparison.Ordinal))
                ticks.Add(JsonDocument.Parse(line["data:".Length..]).RootElement.GetProperty("tick").GetInt64());
            else
                Assert.True(line is "" or "event: meters", line);
        }
        // 12.5 a second: 13 events in about a second, the meters moving on with the programme.
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(5));
        Assert.True(ticks[^1] > ticks[0]);
    }
}
