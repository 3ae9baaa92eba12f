using System.Text;
using System.Text.Json;

namespace Playout.Server.Tests.Amcp;

/// <summary>Junk over AMCP: every line gets one reply, the connection and the server survive, the channel stays on air.</summary>
[Collection(AmcpServiceCollection.Name)]
public sealed class AmcpFuzzTests(AmcpService service)
{
    private static readonly string[] Words =
        ["PLAY", "LOADBG", "LOAD", "STOP", "PAUSE", "RESUME", "CLEAR", "INFO", "CLS", "TLS", "VERSION", "PING", "REQ", "MIX", "SEEK", "LENGTH",
         "LOOP", "AUTO", "CLIP1", "\"", "\\", "\\\"", "1", "1-", "-1", "1-5", "0-0", "2-3", "1-99999999999", "\u00e9", "\u4e2d", "\t", "\u0000", "../x",
         "MIXER", "OPACITY", "VOLUME", "FILL", "CLIP", "BRIGHTNESS", "DEFER", "COMMIT", "CG", "UPDATE", "LOGO", "CALL", "SWAP", "1-6", "TRANSFORMS",
         "ADD", "REMOVE", "STREAM", "FILE", "CINF", "THUMBNAIL", "LIST", "RETRIEVE", "WIPE", "PUSH", "SLIDE", "LINEAR", "EASEINSINE", "0.5", "-0.5",
         "NaN", "1e308", "25", "1-10", "1-20", "1-9999"];

    /// <summary>Verbs a structured line starts with, so that many lines reach the commands' parameter checks rather than the parser's.</summary>
    private static readonly string[] Verbs = ["PLAY", "LOADBG", "LOAD", "MIXER", "CG", "CALL", "SWAP", "INFO", "CINF", "THUMBNAIL", "ADD", "REMOVE", "STOP", "CLEAR"];

    [Fact]
    public async Task Ten_thousand_random_lines_and_a_megabyte_line_leave_the_server_answering_and_the_channel_on_air()
    {
        string before = (await service.Foreground(AmcpService.AutomationLayer))!;
        var random = new Random(13);
        using var amcp = new AmcpClient(service.Port);
        const int batch = 100;
        for (int sent = 0; sent < 10_000; sent += batch)
        {
            var lines = Enumerable.Range(0, batch).Select(_ => Line(random)).ToArray();
            await amcp.Send(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\r\n"))));
            for (int i = 0; i < batch; i++)
                Assert.Matches(@"^(RES \S+ )?(\d{3} |PONG)", await amcp.Reply());
        }
        var megabyte = new byte[1024 * 1024];
        random.NextBytes(megabyte);
        for (int i = 0; i < megabyte.Length; i++)
            megabyte[i] = megabyte[i] is (byte)'\n' or (byte)'\r' ? (byte)'x' : megabyte[i];
        await amcp.Send(megabyte);
        await amcp.Send("\r\n");
        Assert.Equal("400 ERROR\r\n(a line over 65536 bytes)\r\n", await amcp.Reply());
        Assert.StartsWith("201 VERSION OK\r\n", await amcp.Ask("VERSION"));
        using (var fresh = new AmcpClient(service.Port))
            Assert.StartsWith("201 VERSION OK\r\n", await fresh.Ask("VERSION"));
        Assert.Equal(before, await service.Foreground(AmcpService.AutomationLayer));
        using var http = service.Service.Client();
        Assert.Contains("\"running\":true", await http.GetStringAsync("/api/channels/1"));
        long tick = JsonDocument.Parse(await http.GetStringAsync("/api/channels/1")).RootElement.GetProperty("tick").GetInt64();
        await Task.Delay(300);
        Assert.True(JsonDocument.Parse(await http.GetStringAsync("/api/channels/1")).RootElement.GetProperty("tick").GetInt64() > tick, "the channel still ticks");
        Assert.Equal("202 CLEAR OK\r\n", await amcp.Ask("CLEAR 1"));
        Assert.Equal("202 MIXER OK\r\n", await amcp.Ask("MIXER 1 CLEAR"));
    }

    /// <summary>A line of random words and bytes, with no line end in it and never BYE (which would close the connection).</summary>
    private static string Line(Random random)
    {
        if (random.Next(4) == 0)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            return new string(Encoding.UTF8.GetString(bytes).Where(c => c is not '\n' and not '\r').ToArray());
        }
        var words = Enumerable.Range(0, random.Next(0, 8)).Select(_ => Words[random.Next(Words.Length)]);
        if (random.Next(10) == 0)
            words = [Verbs[random.Next(Verbs.Length)], $"1-{random.Next(1, 8)}", .. words];
        return string.Join(random.Next(3) == 0 ? "" : " ", words);
    }
}
