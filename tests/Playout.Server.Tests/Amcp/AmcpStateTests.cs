using Playout.Engine.Channels;
using Playout.Media.Formats;
using Playout.Server.Amcp;

namespace Playout.Server.Tests.Amcp;

/// <summary>The state INFO and OSC publish, for every video mode: the frame rate as a fraction, a layer's time and frame in the channel's frames.</summary>
public sealed class AmcpStateTests
{
    public static TheoryData<string> Modes() => [.. VideoFormats.All.Select(f => f.Name)];

    private static Dictionary<string, object[]> State(VideoFormat format, LayerStatus layer, float[]? peaks = null) =>
        AmcpState.Of(format, [layer], peaks ?? new float[16], path => path.EndsWith("/media/news/open.mxf", StringComparison.Ordinal) ? "news/open" : null)
            .ToDictionary(e => e.Path, e => e.Values);

    [Theory]
    [MemberData(nameof(Modes))]
    public void Every_mode_publishes_its_rate_and_a_clips_time_and_frame_in_its_own_frames(string mode)
    {
        var format = VideoFormats.Parse(mode);
        // 3 s and a frame into a 10 s clip, counted in the channel's frames (a 29.97 channel: 90 frames + 1 of 300).
        long length = (long)Math.Round(10 * format.FrameRate.ToDouble()), position = (long)Math.Round(3 * format.FrameRate.ToDouble()) + 1;
        var state = State(format, new LayerStatus(7, "open.mxf", null, position, length, false, 1, 1, 0, null, Source: "/srv/media/news/open.mxf"));
        Assert.Equal([(int)format.FrameRate.Numerator, (int)format.FrameRate.Denominator], state["framerate"]);
        Assert.Equal([(int)position, (int)length], state["stage/layer/7/file/frame"]);
        var time = state["stage/layer/7/foreground/file/time"].Cast<float>().ToArray();
        Assert.Equal(position / format.FrameRate.ToDouble(), time[0], 4);
        Assert.Equal(length / format.FrameRate.ToDouble(), time[1], 3);
        Assert.Equal(state["stage/layer/7/foreground/file/time"], state["stage/layer/7/file/time"]);
        Assert.Equal(["news/open"], state["stage/layer/7/foreground/file/name"]);
        Assert.Equal(["news/open.mxf"], state["stage/layer/7/file/path"]);
    }

    [Fact]
    public void A_looping_clip_counts_frames_in_its_pass_and_levels_are_32_bit_peaks_and_dbfs()
    {
        var format = VideoFormats.Parse("1080i59.94");
        var state = State(format, new LayerStatus(1, "open.mxf", null, 250, 100, false, 1, 1, 0, null, Loops: true, Paused: true, Source: "/x/open.mxf"),
            [1f, 0.5f, .. new float[14]]);
        Assert.Equal([50, 100], state["stage/layer/1/file/frame"]);
        Assert.Equal([true], state["stage/layer/1/paused"]);
        Assert.Equal([true], state["stage/layer/1/foreground/loop"]);
        Assert.Equal(int.MaxValue, state["mixer/audio/volume"][0]);
        Assert.Equal(int.MaxValue / 2 + 1, (int)state["mixer/audio/volume"][1]);
        Assert.Equal(-6.02f, (float)state["mixer/audio/2/dBFS"][0], 2);
        Assert.True((float)state["mixer/audio/3/dBFS"][0] < -190);
        Assert.Equal(["open.mxf"], state["stage/layer/1/foreground/file/name"]);
    }

    [Fact]
    public void An_empty_layer_has_empty_producers_and_no_file()
    {
        var state = State(VideoFormats.Parse("720p50"), new LayerStatus(3, null, null, 0, null, false, 1, 1, 0, null));
        Assert.Equal(["empty"], state["stage/layer/3/foreground/producer"]);
        Assert.Equal(["empty"], state["stage/layer/3/background/producer"]);
        Assert.DoesNotContain(state.Keys, k => k.Contains("/file/", StringComparison.Ordinal));
    }
}
