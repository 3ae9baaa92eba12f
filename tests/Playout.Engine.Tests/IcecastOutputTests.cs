using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Consumers;
using Playout.Engine.Modules;
using Playout.Media.Formats;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

/// <summary>
/// The "icecast" output against Debian's icecast2 started by the test: a listener hears MP3 (FFmpeg reads what it got), the
/// mount carries the station's name and what is on air as its title, a server that goes away is alarmed without the
/// password and taken again, titled anew, when it comes back.
/// </summary>
[Trait(RealTime.Trait, RealTime.Value)]
public class IcecastOutputTests
{
    [Fact]
    public async Task A_listener_hears_the_channel_titled_with_what_is_on_air_and_a_lost_server_is_taken_again()
    {
        using var server = new IcecastServer();
        using var folder = new TempDirectory();
        using var alarms = new AlarmBoard(NullLogger.Instance);
        using var context = new ChannelContext("radio 1", VideoFormats.Radio, 8, 16, NullLogger.Instance, alarms);
        var settings = ModuleSettings.Empty.With("url", server.Mount("/radio.mp3").ToString()).With("password", IcecastServer.SourcePassword)
            .With("audio", "mp3").With("audioBitrate", 128_000L).With("station", "Demo FM: 'news' & music");
        using var icecast = (IcecastConsumer)new ModuleRegistry(StandardModules.All).CreateConsumer("icecast", new ConsumerRequest(context, settings));
        using var stop = new CancellationTokenSource();
        var feeding = Task.Run(() => Feed(context, icecast, stop.Token));
        try
        {
            context.TitleOnAir("Nguyễn Ánh – Bài ca: 'một'", 0);
            await Until(async () => (await server.SourceStats("/radio.mp3"))?.Element("title")?.Value == context.NowPlaying, "the first title");
            var stats = (await server.SourceStats("/radio.mp3"))!;
            Assert.Equal("Demo FM: 'news' & music", stats.Element("server_name")?.Value);
            Assert.Equal("audio/mpeg", stats.Element("server_type")?.Value);

            byte[] heard = await server.Listen("/radio.mp3", TimeSpan.FromSeconds(2));
            string file = folder.Write("heard.mp3", heard);
            using var probe = JsonDocument.Parse(ExternalTool.Run("ffprobe", ["-v", "error", "-show_streams", "-of", "json", file]));
            var stream = Assert.Single(probe.RootElement.GetProperty("streams").EnumerateArray());
            Assert.Equal(("mp3", 2, "48000"), (stream.GetProperty("codec_name").GetString(), stream.GetProperty("channels").GetInt32(), stream.GetProperty("sample_rate").GetString()));

            context.TitleOnAir("Jingle", 0);
            await Until(async () => (await server.SourceStats("/radio.mp3"))?.Element("title")?.Value == "Jingle", "the next title");

            server.Stop();
            await Until(() => Task.FromResult(icecast.Failure is not null), "the lost server noticed");
            var alarm = Assert.Single(alarms.Active, a => a.Source.StartsWith("radio 1/stream ", StringComparison.Ordinal));
            Assert.Contains(server.Mount("/radio.mp3").ToString(), alarm.Message);
            Assert.DoesNotContain(IcecastServer.SourcePassword, alarm.Message + icecast.Failure + icecast.Name);

            server.Start();
            await Until(async () => (await server.SourceStats("/radio.mp3"))?.Element("title")?.Value == "Jingle", "the stream back and titled again");
            Assert.Null(icecast.Failure);
            Assert.DoesNotContain(alarms.Active, a => a.Source.StartsWith("radio 1/stream ", StringComparison.Ordinal));
        }
        finally
        {
            stop.Cancel();
            await feeding;
        }
    }

    [Theory]
    [InlineData("aac", "audio/aac", "aac")]
    [InlineData("opus", "audio/ogg", "opus")]
    [InlineData("vorbis", "audio/ogg", "vorbis")]
    public async Task Each_codec_reaches_the_mount_with_its_content_type_and_a_listener_hears_it(string codec, string contentType, string heardAs)
    {
        using var server = new IcecastServer();
        using var folder = new TempDirectory();
        using var alarms = new AlarmBoard(NullLogger.Instance);
        using var context = new ChannelContext("radio 1", VideoFormats.Radio, 8, 16, NullLogger.Instance, alarms);
        var settings = ModuleSettings.Empty.With("url", server.Mount("/radio").ToString()).With("password", IcecastServer.SourcePassword).With("audio", codec);
        using var icecast = (IcecastConsumer)new ModuleRegistry(StandardModules.All).CreateConsumer("icecast", new ConsumerRequest(context, settings));
        using var stop = new CancellationTokenSource();
        var feeding = Task.Run(() => Feed(context, icecast, stop.Token));
        try
        {
            await Until(async () => (await server.SourceStats("/radio"))?.Element("server_type")?.Value == contentType, $"a {contentType} source");
            string file = folder.Write("heard", await server.Listen("/radio", TimeSpan.FromSeconds(2)));
            using var probe = JsonDocument.Parse(ExternalTool.Run("ffprobe", ["-v", "error", "-show_streams", "-of", "json", file]));
            Assert.Equal(heardAs, Assert.Single(probe.RootElement.GetProperty("streams").EnumerateArray()).GetProperty("codec_name").GetString());
            Assert.Null(icecast.Failure);
        }
        finally
        {
            stop.Cancel();
            await feeding;
        }
    }

    /// <summary>Numbered sound, a frame every frame period, until stopped.</summary>
    private static void Feed(ChannelContext context, IConsumer consumer, CancellationToken stop)
    {
        var picture = context.VideoPool.Rent();
        picture.Commit();
        for (long tick = 0; !stop.IsCancellationRequested; tick++)
        {
            NumberedSound.Send(context, consumer, tick, picture);
            Thread.Sleep(40);
        }
        picture.Release();
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), $"not within 20 s: {what}");
            await Task.Delay(100);
        }
    }
}
