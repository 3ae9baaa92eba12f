using System.Diagnostics;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Media.Audio;
using Playout.Media.Formats;

namespace Playout.Engine.Producers.Clips;

/// <summary>
/// A media file (or a network stream) on a layer, decoded ahead by a <see cref="ClipDecoder"/> thread. Each tick
/// shows the source frame due at the layer's position: one for one when the rates match, repeated or dropped
/// (by time) when they differ. A frame that is not decoded by the tick's deadline makes the tick show the filler
/// and the clip keeps time; a file that cannot be opened or decoded sets <see cref="Producer.Failure"/>. A live
/// stream whose pictures stop is lost after <see cref="ClipOptions.HoldLast"/>: it reports "no signal" as its failure
/// (the layer shows the filler and alarms; with a <see cref="ClipOptions.Backup"/>, the backup's pictures stand in
/// under an alarm of its own) until its pictures come again, and keeps each loss for as-run.
/// </summary>
public sealed class ClipProducer : Producer, ILiveInput
{
    /// <summary>Seconds of decoded sound a clip buffers ahead.</summary>
    private const int AudioSeconds = 4;

    /// <summary>Sample frames of sound a live input buffers: what arrived early plays at most this late.</summary>
    private const int LiveAudioFrames = VideoFormat.AudioSampleRate / 2;

    private readonly ChannelContext _channel;
    private readonly ClipOptions _options;
    private readonly DecodedFrameQueue _queue;
    private readonly AudioRing _audio;
    private readonly ClipDecoder _decoder;
    private readonly LiveSignal? _signal;
    private readonly ClipProducer? _backup;
    private readonly string? _backupAlarm;
    private readonly string _alarmSource;
    private bool _onBackup;
    private DecodedFrame? _current;
    private long _position;
    private int _generation;
    private bool _playing = true;
    private bool _finished;
    private bool _disposed;

    /// <param name="url">A file path, or for <see cref="ClipOptions.Live"/> a udp:// or srt:// address.</param>
    public ClipProducer(ChannelContext channel, string url, ClipOptions? options = null) : base(NameOf(url))
    {
        _channel = channel;
        Source = url;
        _options = options ?? ClipOptions.Default;
        _queue = new DecodedFrameQueue(_options.Ahead);
        _audio = _options.Live ? new AudioRing(AudioPool.ProgrammeChannels, LiveAudioFrames, owes: false)
            : new AudioRing(AudioPool.ProgrammeChannels, AudioSeconds * VideoFormat.AudioSampleRate);
        _decoder = new ClipDecoder(channel, url, Name, _options, _queue, _audio);
        _alarmSource = $"{channel.Name}/input {Name}";
        if (!_options.Live)
            return;
        _signal = new LiveSignal(_options.HoldLast, $"{url}: no signal");
        if (_options.Backup is { } backup)
        {
            _backup = new ClipProducer(channel, backup, _options with { Backup = null });
            _backupAlarm = $"{url} lost: its backup {backup} is on air";
        }
    }

    public override bool IsReady => _decoder.Failure is not null || _queue.Count > 0 || _decoder.EndIndex >= 0;

    /// <summary>Why the file cannot be decoded, as soon as its decoder knows (before the clip's turn on air), or null.</summary>
    public string? DecodeFailure => _decoder.Failure;

    public override bool IsFinished => _finished;

    public override long? Length => _decoder.Length;

    public override long Position => _position;

    public IReadOnlyList<SignalLoss> SignalLosses => _signal?.Losses ?? [];

    public override bool TryReceive(in ProduceContext context, out LayerFrame frame)
    {
        frame = default;
        if (_signal is not null && _signal.Check(context.Tick, _decoder.LastPictureAt, _decoder.Failure))
        {
            // The last picture is not shown again when the stream comes back, nor is sound owed for the ticks lost:
            // the next picture to arrive is, with the sound that comes with it.
            Failure = _signal.Reason;
            ReleaseCurrent();
            ForgetSound();
            return ShowBackup(context, out frame);
        }
        SetOnBackup(false);
        if (_decoder.Failure is { } failure)
        {
            Failure = failure;
            return false;
        }
        Failure = null;
        if (!_playing)
        {
            // Paused (or cued by a seek while paused): hold the frame at the position, taking it once it is decoded.
            TakeDue(SourceIndexAt(Math.Max(0, _position - 1)));
            if (_current is not { } paused)
                return false;
            frame = new LayerFrame(paused.Video.AddRef(), null, null);
            return true;
        }
        var due = Advance(SourceIndexAt(_position++), context.Deadline);
        if (due != Due.Ready)
        {
            _finished = due == Due.Finished;
            _audio.Skip(context.AudioSamples);
            return false;
        }
        frame = new LayerFrame(_current!.Value.Video.AddRef(), null, TakeAudio(context.AudioSamples));
        return true;
    }

    public override void Play() => _playing = true;

    public override void Pause() => _playing = false;

    public override bool IsPaused => !_playing;

    public override bool Loops => _decoder.Loop;

    public override string Source { get; }

    /// <summary>
    /// Makes the clip loop or not from now on (CasparCG's CALL LOOP). A clip whose decoding has already passed its out
    /// point is not brought back by it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The clip is a live stream.</exception>
    public void SetLoop(bool loop)
    {
        if (_options.Live)
            throw new InvalidOperationException($"{Name} is a live stream and cannot loop");
        _decoder.Loop = loop;
    }

    /// <summary>Restarts the clip at <paramref name="position"/> (from the file's start); the layer shows filler until the first frame there is decoded.</summary>
    /// <exception cref="InvalidOperationException">The clip is a live stream.</exception>
    public void Seek(TimeSpan position)
    {
        if (_options.Live)
            throw new InvalidOperationException($"{Name} is a live stream and cannot seek");
        _generation++;
        _queue.Clear();
        _audio.Reset(_generation);
        ReleaseCurrent();
        _position = 0;
        _finished = false;
        _decoder.RequestSeek(position, _generation);
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing || _disposed)
            return;
        _disposed = true;
        SetOnBackup(false);
        _backup?.Dispose();
        _decoder.Dispose();
        _queue.Dispose();
        ReleaseCurrent();
    }

    /// <summary>The backup's frame for this lost tick: false without a backup, or when it has none either.</summary>
    private bool ShowBackup(in ProduceContext context, out LayerFrame frame)
    {
        frame = default;
        if (_backup is null)
            return false;
        // Sound the backup decoded while standing by is behind its pictures: it joins with the sound that comes next.
        if (!_onBackup)
            _backup.ForgetSound();
        bool on = _backup.TryReceive(context, out frame);
        SetOnBackup(on);
        return on;
    }

    /// <summary>Going on and off the backup raises and clears the input's own alarm: the layer sees a frame and raises none.</summary>
    private void SetOnBackup(bool on)
    {
        if (on == _onBackup)
            return;
        _onBackup = on;
        if (on)
            _channel.Alarms.Raise(_alarmSource, AlarmSeverity.Major, _backupAlarm!);
        else
            _channel.Alarms.Clear(_alarmSource);
    }

    /// <summary>Makes the frame with index <paramref name="wanted"/> (a live stream: the newest) current, waiting for it until the deadline.</summary>
    private Due Advance(long wanted, long deadline)
    {
        while (true)
        {
            _queue.ForgetArrivals();
            TakeDue(wanted);
            if (_current is { } current && (current.Index >= wanted || _options.Live))
                return Due.Ready;
            long end = _decoder.EndIndex;
            if (end >= 0 && wanted >= end && !_options.Live)
                return Due.Finished;
            long left = deadline - Stopwatch.GetTimestamp();
            if (left <= 0 || _decoder.Failure is not null)
                return Due.Late;
            _queue.WaitForArrival(TimeSpan.FromSeconds((double)left / Stopwatch.Frequency));
        }
    }

    private enum Due
    {
        Ready,
        Late,
        Finished,
    }

    /// <summary>Replaces the current frame with the newest queued one due by <paramref name="wanted"/>, releasing those passed over.</summary>
    private void TakeDue(long wanted)
    {
        int taken = 0;
        while (_queue.TryPeek(out var next) && (next.Generation != _generation || next.Index <= wanted || _options.Live))
        {
            _queue.TryTake(out next);
            if (next.Generation != _generation)
            {
                next.Video.Release();
                continue;
            }
            // A live picture passed over (more than one arrived since the last tick) takes its sound with it,
            // so the sound never lags the picture shown.
            if (_options.Live && taken++ > 0)
                _audio.Skip(_channel.Format.AudioSamplesForFrame(_position));
            ReleaseCurrent();
            _current = next;
        }
    }

    private AudioFrame? TakeAudio(int samples)
    {
        if (!_channel.AudioPool.TryRent(out var audio))
        {
            _audio.Skip(samples);
            return null;
        }
        _audio.Take(audio.Write(samples), audio.Channels);
        audio.Commit();
        return audio;
    }

    /// <summary>The clip's frame on show at the channel's tick <paramref name="position"/> of play: by time, so rates may differ.</summary>
    private long SourceIndexAt(long position)
    {
        Rational source = _decoder.FrameRate, channel = _channel.Format.FrameRate;
        return (long)((Int128)position * source.Numerator * channel.Denominator / ((Int128)source.Denominator * channel.Numerator));
    }

    private void ForgetSound() => _audio.Reset(_generation);

    private void ReleaseCurrent()
    {
        _current?.Video.Release();
        _current = null;
    }

    private static string NameOf(string url) => MediaUrl.IsNetwork(url) ? url : Path.GetFileName(url);
}
