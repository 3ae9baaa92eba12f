using Playout.Engine.Probes;
using Playout.Engine.Producers;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.Engine.Tests.Probes;

/// <summary>Pictures and sound for the detectors' tests, and a recorder of what they report.</summary>
internal sealed class ProbeFrames : IDisposable
{
    public ProbeFrames(string format = "720p50")
    {
        Format = VideoFormats.Parse(format);
        Video = new FramePool(PixelFormat.V210, Format.Width, Format.Height, 4);
        Audio = new AudioPool(AudioPool.ProgrammeChannels, Format.AudioCadence.Max(), 4);
    }

    public VideoFormat Format { get; }
    public FramePool Video { get; }
    public AudioPool Audio { get; }

    /// <summary>A grey picture of luma <paramref name="luma"/> with the first <paramref name="darkLines"/> lines at <paramref name="dark"/>.</summary>
    public Frame Picture(ushort luma, int darkLines = 0, ushort dark = 64)
    {
        var frame = Video.Rent();
        V210Painter.PaintSolid(frame, luma, 512, 512);
        if (darkLines > 0)
            V210Painter.PaintBands(frame, 0, darkLines, [new ColorBand(Format.Width, dark, 512, 512)]);
        frame.Commit();
        return frame;
    }

    /// <summary>A sound frame of <paramref name="samples"/> sample frames, every sample <paramref name="level"/>, then changed by <paramref name="edit"/>.</summary>
    public AudioFrame Sound(int samples, float level, Action<Span<float>>? edit = null)
    {
        var frame = Audio.Rent();
        var span = frame.Write(samples);
        span.Fill(level);
        edit?.Invoke(span);
        frame.Commit();
        return frame;
    }

    public void Dispose()
    {
        Assert.Equal(0, Video.Outstanding);
        Assert.Equal(0, Audio.Outstanding);
        Video.Dispose();
    }
}

/// <summary>What a detector reported, in order.</summary>
internal sealed class ProbeLog : IProbeEvents
{
    public List<(string What, ProbeKind Kind, ProbeEdge Edge)> Entries { get; } = [];

    public void Opened(ProbeKind kind, ProbeEdge start) => Entries.Add(("opened", kind, start));

    public void Closed(ProbeKind kind, ProbeEdge end) => Entries.Add(("closed", kind, end));
}
