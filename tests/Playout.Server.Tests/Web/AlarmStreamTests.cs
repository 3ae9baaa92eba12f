using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Server.Web;

namespace Playout.Server.Tests.Web;

/// <summary>
/// The alarm stream answers at once with the alarms listed, then each change: a dashboard that opens it while nothing
/// changes is not left waiting for headers, and one that listed the alarms before opening it misses nothing between.
/// </summary>
public class AlarmStreamTests
{
    [Fact]
    public async Task The_stream_opens_with_the_listed_alarms_at_once_and_then_sends_each_change()
    {
        using var board = new AlarmBoard(NullLogger.Instance);
        board.Raise("news/media", AlarmSeverity.Major, "media: clip-b.ts is missing");
        await using var server = await LoopbackApp.Start(app => AlarmEndpoints.Map(app, board, new StreamClients(2), NullLogger.Instance));
        using var waiting = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        using var response = await server.Client.GetAsync("/api/alarms/stream", HttpCompletionOption.ResponseHeadersRead, waiting.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(waiting.Token));
        var listed = await Next(reader, waiting.Token);
        Assert.Equal("alarms", listed.Event);
        Assert.Contains("clip-b.ts is missing", listed.Data);
        board.Raise("news/black", AlarmSeverity.Major, "black for 5 s");
        var raised = await Next(reader, waiting.Token);
        Assert.Equal("alarm", raised.Event);
        Assert.Contains("black for 5 s", raised.Data);
        Assert.DoesNotContain("clip-b.ts", raised.Data);
    }

    /// <summary>The next server-sent event: its name and data.</summary>
    private static async Task<(string Event, string Data)> Next(StreamReader reader, CancellationToken cancel)
    {
        string name = "message", data = "";
        while (await reader.ReadLineAsync(cancel) is { } line)
        {
            if (line.Length == 0 && data.Length > 0)
                return (name, data);
            if (line.StartsWith("event: ", StringComparison.Ordinal))
                name = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
                data += line["data: ".Length..];
        }
        throw new EndOfStreamException("the stream ended");
    }
}
