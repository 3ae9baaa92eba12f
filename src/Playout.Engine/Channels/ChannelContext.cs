using Microsoft.Extensions.Logging;
using Playout.Engine.Alarms;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.Engine.Channels;

/// <summary>What a channel shares with its producers and consumers: its format, its frame pools, its log and alarms.</summary>
public sealed class ChannelContext : IDisposable
{
    public ChannelContext(string name, VideoFormat format, int videoFrames, int audioFrames, ILogger logger, AlarmBoard alarms)
    {
        Name = name;
        Format = format;
        Matrix = ColorMatrix.For(format.Colorimetry);
        VideoPool = new FramePool(PixelFormat.V210, format.Width, format.Height, videoFrames);
        AudioPool = new AudioPool(AudioPool.ProgrammeChannels, format.AudioCadence.Max(), audioFrames);
        Logger = logger;
        Alarms = alarms;
        Background = new OffTickWork(name, logger);
    }

    /// <summary>The channel's name in logs and alarm sources, e.g. "channel 1".</summary>
    public string Name { get; }

    public VideoFormat Format { get; }

    /// <summary>The Y'CbCr matrix of the format's colorimetry.</summary>
    public ColorMatrix Matrix { get; }

    /// <summary>v210 frames of the channel's raster: producer output, mixer output, card capture.</summary>
    public FramePool VideoPool { get; }

    /// <summary>16-channel 48 kHz audio frames sized for the largest value of the format's cadence.</summary>
    public AudioPool AudioPool { get; }

    public ILogger Logger { get; }
    public AlarmBoard Alarms { get; }

    /// <summary>Where the tick hands work it must not wait for (disposing and opening producers).</summary>
    public OffTickWork Background { get; }

    public void Dispose()
    {
        Background.Dispose();
        VideoPool.Dispose();
    }
}
