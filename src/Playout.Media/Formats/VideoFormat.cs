namespace Playout.Media.Formats;

/// <summary>
/// A broadcast video mode: raster, frame rate, scan, colour and how 48 kHz audio divides into its frames.
/// Instances come from the <see cref="VideoFormats"/> catalogue.
/// </summary>
public sealed class VideoFormat
{
    /// <summary>The embedded-audio sample rate every SDI/ST 2110 mode carries.</summary>
    public const int AudioSampleRate = 48000;

    private readonly int[] _audioCadence;
    private readonly Rational _audioSamplesPerFrame;

    internal VideoFormat(string name, int width, int height, Rational frameRate, ScanMode scanMode,
        Colorimetry colorimetry, TransferCharacteristic transfer, bool isAudioOnly = false)
    {
        Name = name;
        IsAudioOnly = isAudioOnly;
        Width = width;
        Height = height;
        FrameRate = frameRate;
        ScanMode = scanMode;
        Colorimetry = colorimetry;
        Transfer = transfer;
        _audioSamplesPerFrame = new Rational(AudioSampleRate) / frameRate;
        _audioCadence = Cadence(_audioSamplesPerFrame);
    }

    /// <summary>The mode's name, e.g. "1080i50" or "2160p59.94-hlg"; interlaced names carry the field rate.</summary>
    public string Name { get; }
    public int Width { get; }
    public int Height { get; }

    /// <summary>Whole frames per second (1080i50 is 25, 1080i59.94 is 30000/1001).</summary>
    public Rational FrameRate { get; }

    public ScanMode ScanMode { get; }

    /// <summary>
    /// A radio channel's mode (<see cref="VideoFormats.Radio"/>): sound only. Its raster is a placeholder the tick carries
    /// so that layers, mixers and schedules work as on television; no output of such a channel takes a picture.
    /// </summary>
    public bool IsAudioOnly { get; }

    public bool IsInterlaced => ScanMode != ScanMode.Progressive;
    public Colorimetry Colorimetry { get; }
    public TransferCharacteristic Transfer { get; }

    /// <summary>Seconds per frame, exactly.</summary>
    public Rational FrameDuration => new Rational(1) / FrameRate;

    /// <summary>
    /// Audio samples per frame over the shortest whole cycle of frames that holds a whole number of samples:
    /// one value for rates that divide 48 kHz, five for the 1001 rates (29.97: 1602 1601 1602 1601 1602).
    /// </summary>
    public IReadOnlyList<int> AudioCadence => _audioCadence;

    /// <summary>Audio samples carried with the given frame, counting frame 0 as the start of a cadence cycle.</summary>
    public int AudioSamplesForFrame(long frameIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frameIndex);
        return _audioCadence[frameIndex % _audioCadence.Length];
    }

    /// <summary>The index of the given frame's first audio sample from the start of frame 0: the cadence summed (an RTP
    /// audio flow's timestamp).</summary>
    public long FirstAudioSample(long frameIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frameIndex);
        return NearestSample(_audioSamplesPerFrame, frameIndex);
    }

    /// <summary>The frame being shown at the given time from the start of frame 0.</summary>
    public long FrameIndexAt(TimeSpan time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(time, TimeSpan.Zero);
        return checked((long)((Int128)time.Ticks * FrameRate.Numerator / ((Int128)TimeSpan.TicksPerSecond * FrameRate.Denominator)));
    }

    /// <summary>
    /// The start of the given frame, rounded up to the next whole tick when a 1001 rate puts it between ticks,
    /// so that <c>FrameIndexAt(TimeOf(n)) == n</c> always holds.
    /// </summary>
    public TimeSpan TimeOf(long frameIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frameIndex);
        var numerator = (Int128)frameIndex * FrameRate.Denominator * TimeSpan.TicksPerSecond;
        var ticks = (numerator + FrameRate.Numerator - 1) / FrameRate.Numerator;
        return TimeSpan.FromTicks(checked((long)ticks));
    }

    public override string ToString() => Name;

    /// <summary>
    /// Places each frame boundary on the audio sample nearest to it. For 29.97 this is exactly the
    /// SMPTE ST 299 five-frame sequence; for 59.94 it splits each of those frames into two, so the
    /// two rates stay sample-aligned every five 29.97 frames.
    /// </summary>
    private static int[] Cadence(Rational samplesPerFrame)
    {
        var cycle = checked((int)samplesPerFrame.Denominator);
        var cadence = new int[cycle];
        for (var i = 0; i < cycle; i++)
            cadence[i] = (int)(NearestSample(samplesPerFrame, i + 1) - NearestSample(samplesPerFrame, i));
        return cadence;
    }

    // A tie needs an even cycle, which no catalogue rate has (cycles are 1 or 5); it would round up.
    private static long NearestSample(Rational samplesPerFrame, long frames) =>
        (2 * frames * samplesPerFrame.Numerator + samplesPerFrame.Denominator) / (2 * samplesPerFrame.Denominator);
}
