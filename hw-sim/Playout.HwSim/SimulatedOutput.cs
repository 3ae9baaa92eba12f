using System.Diagnostics;
using Playout.Engine.Devices;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Frames;

namespace Playout.HwSim;

/// <summary>
/// A playback connector of the simulated card. Frames sent between two syncs go out on the second (one frame of
/// latency, as on a real card); a slot with nothing new repeats the last frame and counts an underrun. Every slot
/// is recorded (sequence, checksum, time) for tests, and the sound's cadence is checked.
/// </summary>
public sealed class SimulatedOutput : ICardOutput
{
    /// <summary>Frames a real card's ring holds; a channel running ahead of the card drops the oldest.</summary>
    private const int QueueDepth = 4;

    private readonly Lock _lock = new();
    private readonly Queue<Pending> _queue = new(QueueDepth + 1);
    private readonly ScannedFrame[] _history;
    private readonly bool _checksums;
    private readonly CadenceCheck _cadence;
    private Frame? _shownVideo;
    private long _slot;
    private long _played;
    private long _underruns;
    private long _late;
    private long _historyCount;

    internal SimulatedOutput(int index, VideoFormat format, SimulatedCardOptions options)
    {
        Index = index;
        _checksums = options.Checksums;
        _history = new ScannedFrame[options.History];
        _cadence = new CadenceCheck(format.AudioCadence);
    }

    public int Index { get; }

    public CardOutputCounters Counters
    {
        get
        {
            lock (_lock)
                return new CardOutputCounters(_played, _underruns, _late);
        }
    }

    /// <summary>Slots whose sound broke the format's cadence.</summary>
    public long CadenceErrors
    {
        get
        {
            lock (_lock)
                return _cadence.Errors;
        }
    }

    /// <summary>Called for each slot as it goes out, with the frame still held (tests decode pictures here).</summary>
    public Action<ScannedFrame, Frame, AudioFrame?>? OnScanOut { get; set; }

    /// <summary>The remembered slots, oldest first.</summary>
    public ScannedFrame[] Played()
    {
        lock (_lock)
        {
            long count = Math.Min(_historyCount, _history.Length);
            return [.. Enumerable.Range(0, (int)count).Select(i => _history[(_historyCount - count + i) % _history.Length])];
        }
    }

    internal bool LateDma { get; set; }
    internal bool DropDma { get; set; }

    /// <summary>Set by the card in <see cref="CardTiming.OnSend"/> mode: each frame sent goes out at once.</summary>
    internal bool ScanOutOnSend { get; init; }

    public void Send(Frame video, AudioFrame audio)
    {
        if (DropDma)
            return;
        lock (_lock)
        {
            _queue.Enqueue(new Pending(video.AddRef(), audio.AddRef(), _slot + 1, _slot + (LateDma ? 2 : 1)));
            if (_queue.Count > QueueDepth)
                _queue.Dequeue().Release();
        }
        if (ScanOutOnSend)
            ScanOut(Stopwatch.GetTimestamp());
    }

    /// <summary>One vertical sync: the slot that starts now shows the oldest frame that has arrived for it, or repeats.</summary>
    internal void ScanOut(long timestamp)
    {
        lock (_lock)
        {
            long slot = ++_slot;
            if (_queue.Count > 0 && (_queue.Peek().ArrivalSlot <= slot || ScanOutOnSend))
            {
                var next = _queue.Dequeue();
                _shownVideo?.Release();
                _shownVideo = next.Video;
                bool late = slot > next.IntendedSlot && !ScanOutOnSend;
                if (late)
                    _late++;
                _played++;
                _cadence.Add(next.Audio.SampleCount);
                Record(new ScannedFrame(slot, next.Video.Metadata.Sequence, Checksum(next.Video), timestamp, next.Audio.SampleCount, false, late), next.Video, next.Audio);
                next.Audio.Release();
            }
            else if (_shownVideo is { } repeated)
            {
                _underruns++;
                Record(new ScannedFrame(slot, repeated.Metadata.Sequence, Checksum(repeated), timestamp, 0, true, false), repeated, null);
            }
        }
    }

    internal void Close()
    {
        lock (_lock)
        {
            while (_queue.Count > 0)
                _queue.Dequeue().Release();
            _shownVideo?.Release();
            _shownVideo = null;
        }
    }

    private void Record(in ScannedFrame frame, Frame video, AudioFrame? audio)
    {
        _history[_historyCount++ % _history.Length] = frame;
        OnScanOut?.Invoke(frame, video, audio);
    }

    private ulong Checksum(Frame video) => _checksums ? FrameChecksum.Of(video.Plane(0)) : 0;

    /// <param name="IntendedSlot">The slot the frame was sent for (the next one).</param>
    /// <param name="ArrivalSlot">The first slot it can go out on (later than intended under a late-DMA fault).</param>
    private readonly record struct Pending(Frame Video, AudioFrame Audio, long IntendedSlot, long ArrivalSlot)
    {
        public void Release()
        {
            Video.Release();
            Audio.Release();
        }
    }
}
