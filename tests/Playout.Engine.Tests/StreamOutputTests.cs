using System.Globalization;
using System.Text.Json;
using Playout.Engine.Commands;
using Playout.Engine.Consumers;
using Playout.Engine.Producers;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

public class StreamOutputTests
{
    [Theory]
    [InlineData("mpegts", "libx264", "aac", "h264", "aac", "preset=ultrafast")]
    [InlineData("mpegts", "mpeg2video", "mp2", "mpeg2video", "mp2", null)]
    [InlineData("mov", "libx264", "aac", "h264", "aac", "preset=ultrafast")]
    public void The_encoded_output_has_the_codecs_size_rate_and_duration_that_were_played(
        string container, string videoCodec, string audioCodec, string expectedVideo, string expectedAudio, string? options)
    {
        using var folder = new TempDirectory();
        string file = folder.File("out." + (container == "mpegts" ? "ts" : container));
        StreamConsumer stream;
        using (var test = new CardChannel())
        {
            stream = new StreamConsumer(test.Context, new StreamSettings(file, container, videoCodec, audioCodec, options, 2_000_000, Queue: 200));
            test.Channel.AddConsumer(stream);
            test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(test.Context, BarsStandard.Ebu)));
            test.Channel.RunTicks(75);
        }
        Assert.True(stream.Failure is null, stream.Failure);
        Assert.Equal(75, stream.Encoded);

        using var probe = JsonDocument.Parse(ExternalTool.Run("ffprobe",
            ["-v", "error", "-show_streams", "-show_format", "-count_frames", "-of", "json", file]));
        var streams = probe.RootElement.GetProperty("streams").EnumerateArray().ToArray();
        var video = streams.Single(s => s.GetProperty("codec_type").GetString() == "video");
        var audio = streams.Single(s => s.GetProperty("codec_type").GetString() == "audio");
        Assert.Equal(expectedVideo, video.GetProperty("codec_name").GetString());
        Assert.Equal(expectedAudio, audio.GetProperty("codec_name").GetString());
        Assert.Equal(720, video.GetProperty("width").GetInt32());
        Assert.Equal(576, video.GetProperty("height").GetInt32());
        Assert.Equal("25/1", video.GetProperty("r_frame_rate").GetString());
        Assert.Equal(75, int.Parse(video.GetProperty("nb_read_frames").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(48000, int.Parse(audio.GetProperty("sample_rate").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(2, audio.GetProperty("channels").GetInt32());
        double duration = double.Parse(probe.RootElement.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(duration, 3.0 - 0.04, 3.0 + 0.04 + 0.05);
    }

    [Fact]
    public async Task An_srt_output_reaches_a_listening_ffprobe_as_mpeg_ts()
    {
        int port = FreePorts.Udp();
        // ffprobe listens (SRT's listener mode) and the channel's output calls it, as a contribution link would.
        var probe = Task.Run(() => ExternalTool.Run("ffprobe",
            ["-v", "error", "-show_streams", "-of", "json", $"srt://127.0.0.1:{port}?mode=listener&timeout=10000000"], TimeSpan.FromSeconds(60)));
        await Task.Delay(500);
        string json;
        using (var test = new CardChannel(clock: c => new Clocks.SystemClock(c.Context.Format.FrameRate)))
        {
            var stream = new StreamConsumer(test.Context, new StreamSettings($"srt://127.0.0.1:{port}?mode=caller", VideoCodec: "mpeg2video", AudioCodec: "mp2"));
            test.Channel.AddConsumer(stream);
            _ = test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(test.Context, BarsStandard.Ebu)));
            test.Channel.Start();
            json = await probe.WaitAsync(TimeSpan.FromSeconds(60));
            // ffprobe hangs up once it has seen enough: the output fails, alarms, and keeps trying to open again.
            Assert.True(SpinWait.SpinUntil(() => test.Alarms.IsActive($"channel 1/{stream.Name}"), TimeSpan.FromSeconds(10)));
            test.Channel.Stop();
        }
        using var result = JsonDocument.Parse(json);
        var codecs = result.RootElement.GetProperty("streams").EnumerateArray().Select(s => s.GetProperty("codec_name").GetString()).ToArray();
        Assert.Contains("mpeg2video", codecs);
        Assert.Contains("mp2", codecs);
    }

    [Fact]
    public void An_encoder_that_falls_behind_drops_frames_with_an_alarm_and_keeps_picture_and_sound_in_time()
    {
        using var folder = new TempDirectory();
        string file = folder.File("slow.ts");
        StreamConsumer stream;
        using (var test = new CardChannel())
        {
            // A one-frame queue in front of a deliberately slow encoder, fed by an unthrottled channel.
            stream = new StreamConsumer(test.Context, new StreamSettings(file, "mpegts", "libx264", "aac", "preset=veryslow", Queue: 1));
            test.Channel.AddConsumer(stream);
            test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(test.Context, BarsStandard.Ebu)));
            test.Channel.RunTicks(100);

            Assert.Equal(100, test.Output.Counters.FramesPlayed);
            Assert.True(stream.Counters.Dropped > 0);
            Assert.Equal(100, stream.Counters.Sent + stream.Counters.Dropped);
            Assert.Contains(test.Alarms.Active, a => a.Source == $"channel 1/stream {file}" && a.Message.Contains("behind"));
        }

        // The pictures that were encoded keep their times, and the sound runs the whole 4 s (silence for the gaps).
        using var probe = JsonDocument.Parse(ExternalTool.Run("ffprobe",
            ["-v", "error", "-show_streams", "-count_frames", "-of", "json", file]));
        var streams = probe.RootElement.GetProperty("streams").EnumerateArray().ToArray();
        var video = streams.Single(s => s.GetProperty("codec_type").GetString() == "video");
        var audio = streams.Single(s => s.GetProperty("codec_type").GetString() == "audio");
        Assert.Equal(stream.Encoded, int.Parse(video.GetProperty("nb_read_frames").GetString()!, CultureInfo.InvariantCulture));
        double audioSeconds = double.Parse(audio.GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(audioSeconds, 3.9, 4.1);
    }

    [Fact]
    public void An_output_that_cannot_be_opened_raises_an_alarm_and_the_channel_stays_on_air()
    {
        using var test = new CardChannel();
        var stream = new StreamConsumer(test.Context, new StreamSettings("/nonexistent-folder/out.ts", "mpegts", "libx264", "aac"));
        test.Channel.AddConsumer(stream);
        test.Channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(test.Context, BarsStandard.Ebu)));
        SpinWait.SpinUntil(() => stream.Failure is not null, TimeSpan.FromSeconds(10));
        test.Channel.RunTicks(10);

        Assert.Contains("No such file or directory", stream.Failure);
        Assert.Contains(test.Alarms.Active, a => a.Source == "channel 1/stream /nonexistent-folder/out.ts" && a.Message.Contains("failed"));
        Assert.Equal(10, test.Output.Counters.FramesPlayed);
        Assert.Equal(10, stream.Counters.Dropped);
    }
}
