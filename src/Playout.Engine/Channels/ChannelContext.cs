using Microsoft.Extensions.Logging;
using Playout.Engine.Alarms;
using Playout.Engine.Logging;
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
        Logger = logger as NonBlockingLogger ?? new NonBlockingLogger(logger);
        Alarms = alarms;
        Degradation = new ChannelDegradation(name, alarms, clearAfterTicks: (int)Math.Ceiling(format.FrameRate.ToDouble()));
        Background = new OffTickWork(name, Logger);
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

    /// <summary>The channel's log; never blocks the caller (a blocked sink drops and counts lines instead).</summary>
    public ILogger Logger { get; }

    public AlarmBoard Alarms { get; }

    /// <summary>The clock the channel ticks on, once a <see cref="Channel"/> is made on this context: outputs stamp their
    /// media (RTP timestamps) on its timeline (<see cref="Clocks.IChannelClock.MediaEpochFrame"/>).</summary>
    public Clocks.IChannelClock? Clock { get; internal set; }

    /// <summary>Frame <paramref name="tick"/> counted on the clock's media timeline (from 1970-01-01 on its time scale); the tick itself without a clock.</summary>
    public long MediaFrame(long tick) => (Clock?.MediaEpochFrame ?? 0) + tick;

    /// <summary>When tick <paramref name="tick"/>'s frame begins on the clock's timeline (a Stopwatch timestamp); null without
    /// a clock that keeps one on the machine's timer (<see cref="Clocks.IChannelClock.FrameTimestamp"/>).</summary>
    public long? FrameTimestamp(long tick) => Clock?.FrameTimestamp(tick);

    /// <summary>
    /// How long the programme layer repeats its last picture when its source has nothing (finished, failed, late) before
    /// the filler takes over; zero (the default) shows the filler at once. A channel setting, made before it goes on air.
    /// </summary>
    public TimeSpan HoldLastFrame
    {
        get => Format.TimeOf(HoldLastFrameTicks);
        set => HoldLastFrameTicks = value <= TimeSpan.Zero ? 0 : Math.Max(1, (long)Math.Round(value.TotalSeconds * Format.FrameRate.ToDouble()));
    }

    internal long HoldLastFrameTicks { get; private set; }

    /// <summary>
    /// Talk-over rules: a layer's sound (a presenter's microphone) ducking other layers' (the music) while it talks
    /// (<see cref="Stage.TalkOverSettings"/>). A channel setting, made before it goes on air.
    /// </summary>
    public IReadOnlyList<Stage.TalkOverSettings> TalkOver { get; set; } = [];

    /// <summary>
    /// What is on air, as listeners are told it (an Icecast stream's title): the schedule's event title, else its source's
    /// name, with the tick it went to air at. The automation sets it when an item goes to air (<see cref="TitleOnAir"/>);
    /// null until then. Each airing is an instance of its own, the same title again too. Any thread.
    /// </summary>
    public OnAirTitle? OnAir => Volatile.Read(ref _onAir);

    /// <summary>The title of <see cref="OnAir"/>.</summary>
    public string? NowPlaying => OnAir?.Title;

    /// <summary><paramref name="title"/> went to air at <paramref name="tick"/> (its take's).</summary>
    public void TitleOnAir(string title, long tick) => Volatile.Write(ref _onAir, new OnAirTitle(title, tick));

    private OnAirTitle? _onAir;

    /// <summary>Now and next for programme guides (an MPEG-TS output's EIT); null until the automation sets it. Any thread.</summary>
    public ProgrammeGuide? Guide
    {
        get => Volatile.Read(ref _guide);
        set => Volatile.Write(ref _guide, value);
    }

    private ProgrammeGuide? _guide;

    /// <summary>Ticks that went out degraded (pool exhausted), counted by kind, with the alarm that shows it.</summary>
    public ChannelDegradation Degradation { get; }

    /// <summary>Where the tick hands work it must not wait for (disposing and opening producers).</summary>
    public OffTickWork Background { get; }

    /// <summary>Stops the off-tick worker and frees the pools; frames still out are logged as a leak, never thrown.</summary>
    public void Dispose()
    {
        Background.Dispose();
        if (VideoPool.Close() is > 0 and var leaked)
            Logger.LogError("{Channel}: {Count} video frame(s) still outstanding at shutdown (a leak); freed when released", Name, leaked);
        if (AudioPool.Outstanding is > 0 and var audio)
            Logger.LogError("{Channel}: {Count} audio frame(s) still outstanding at shutdown (a leak)", Name, audio);
        (Logger as NonBlockingLogger)?.Flush(TimeSpan.FromSeconds(2));
    }
}
