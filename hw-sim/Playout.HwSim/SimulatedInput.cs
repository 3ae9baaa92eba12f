using System.Diagnostics.CodeAnalysis;
using Playout.Engine.Devices;
using Playout.Engine.Producers;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.HwSim;

/// <summary>
/// A capture connector of the simulated card carrying a test signal: EBU bars with a white stripe that moves
/// one v210 group (6 pixels) per frame, and 1 kHz tone at −18 dBFS on channels 1 and 2. Each capture is
/// "DMA'd" into a fresh frame of the channel's pool; the newest is what <see cref="TryCapture"/> hands out.
/// </summary>
public sealed class SimulatedInput : ICardInput
{
    private readonly Lock _lock = new();
    private readonly VideoFormat _format;
    private readonly bool _captureOnDemand;
    private Frame? _bars;
    private ToneGenerator? _tone;
    private FramePool? _videoPool;
    private Frame? _latestVideo;
    private AudioFrame? _latestAudio;
    private long _captured;
    private volatile bool _lost;

    internal SimulatedInput(int index, VideoFormat format, bool captureOnDemand)
    {
        Index = index;
        _format = format;
        _captureOnDemand = captureOnDemand;
    }

    public int Index { get; }

    public bool HasSignal => !_lost;

    public void Start(FramePool video, AudioPool audio)
    {
        lock (_lock)
        {
            if (_videoPool is not null)
                throw new InvalidOperationException($"input {Index} is already capturing");
            _videoPool = video;
            _bars = video.Rent();
            SyntheticProducers.PaintBars(_bars, ColorMatrix.For(_format.Colorimetry), BarsStandard.Ebu);
            _bars.Commit();
            _tone = new ToneGenerator(audio, SyntheticProducers.ToneFrequency, -18, [0, 1]);
        }
    }

    public void Stop()
    {
        lock (_lock)
        {
            ReleaseLatest();
            _bars?.Release();
            _bars = null;
            _videoPool = null;
            _tone = null;
        }
    }

    public bool TryCapture([NotNullWhen(true)] out Frame? video, [NotNullWhen(true)] out AudioFrame? audio)
    {
        if (_captureOnDemand)
            Capture();
        lock (_lock)
        {
            if (_lost || _latestVideo is null || _latestAudio is null)
            {
                video = null;
                audio = null;
                return false;
            }
            video = _latestVideo.AddRef();
            audio = _latestAudio.AddRef();
            return true;
        }
    }

    internal void SetLost(bool lost) => _lost = lost;

    /// <summary>One frame arrives at the connector (a sync in real time, or each capture on demand).</summary>
    internal void Capture()
    {
        lock (_lock)
        {
            if (_videoPool is null || _bars is null || _tone is null || _lost || !_videoPool.TryRent(out var frame))
                return;
            var audio = _tone.Next(_format.AudioSamplesForFrame(_captured));
            if (audio is null)
            {
                frame.Release();
                return;
            }
            int stripe = (int)(_captured % (_format.Width / 6)) * 16;
            for (int line = 0; line < _format.Height; line++)
            {
                Span<byte> target = frame.WritableLine(0, line);
                _bars.Line(0, line).CopyTo(target);
                WhiteGroup.CopyTo(target[stripe..]);
            }
            frame.Metadata = new FrameMetadata(_captured);
            frame.Commit();
            ReleaseLatest();
            _latestVideo = frame;
            _latestAudio = audio;
            _captured++;
        }
    }

    private void ReleaseLatest()
    {
        _latestVideo?.Release();
        _latestAudio?.Release();
        _latestVideo = null;
        _latestAudio = null;
    }

    /// <summary>Six white pixels (Y 940, Cb Cr 512) as one v210 group.</summary>
    private static ReadOnlySpan<byte> WhiteGroup => WhiteGroupBytes;

    private static readonly byte[] WhiteGroupBytes = PackWhite();

    private static byte[] PackWhite()
    {
        var group = new byte[16];
        V210.Pack([940, 940, 940, 940, 940, 940], [512, 512, 512], [512, 512, 512], group, 6);
        return group;
    }
}
