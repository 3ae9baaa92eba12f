using Microsoft.Extensions.Logging;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Pictures;
using Playout.Interop;
using Playout.Media.Formats;

namespace Playout.Engine.Consumers;

/// <summary>
/// Encodes the programme with FFmpeg (H.264 + AAC, MPEG-2 + MP2, …) to a stream (MPEG-TS over UDP or SRT) or a
/// file (MXF, MOV, MP4). Encoding runs on its own thread behind a bounded queue: when the encoder falls behind,
/// frames are dropped, counted and alarmed, and the channel never waits. The sound of a dropped frame is
/// replaced by silence of the same length so picture and sound stay in step.
/// </summary>
public sealed class StreamConsumer : IConsumer
{
    /// <summary>Frames that must pass without a drop before the "behind" alarm clears.</summary>
    private const int RecoveredAfter = 250;

    private readonly ChannelContext _channel;
    private readonly StreamSettings _settings;
    private readonly FrameHandoff _queue;
    private readonly CancellationTokenSource _cancel = new();
    private readonly Thread _thread;
    private readonly string _alarmSource;
    private readonly string _behind;
    private volatile string? _failure;
    private long _sent;
    private long _dropped;
    private long _sinceDrop;
    private long _encoded;
    private long _lastTick = -1;

    public StreamConsumer(ChannelContext channel, StreamSettings settings)
    {
        _channel = channel;
        _settings = settings;
        _queue = new FrameHandoff(settings.Queue);
        Name = $"stream {settings.Url}";
        _alarmSource = $"{channel.Name}/{Name}";
        _behind = $"{Name}: the encoder is behind; dropping frames";
        _thread = new Thread(Run) { Name = $"{channel.Name} encode {settings.Url}", IsBackground = true, Priority = ThreadPriority.BelowNormal };
        _thread.Start();
    }

    public string Name { get; }

    public ConsumerCounters Counters => new(Interlocked.Read(ref _sent), Interlocked.Read(ref _dropped));

    /// <summary>Frames the encoder has taken.</summary>
    public long Encoded => Interlocked.Read(ref _encoded);

    /// <summary>Why the output is not running (FFmpeg's error), or null.</summary>
    public string? Failure => _failure;

    public void Send(long tick, Media.Frames.Frame video, Media.Audio.AudioFrame audio)
    {
        Volatile.Write(ref _lastTick, tick);
        if (Failure is null && _queue.TryAdd(tick, video, audio))
        {
            Interlocked.Increment(ref _sent);
            if (++_sinceDrop == RecoveredAfter && _channel.Alarms.IsActive(_alarmSource))
                _channel.Alarms.Clear(_alarmSource);
            return;
        }
        Interlocked.Increment(ref _dropped);
        _sinceDrop = 0;
        if (Failure is null && !_channel.Alarms.IsActive(_alarmSource))
            _channel.Alarms.Raise(_alarmSource, AlarmSeverity.Warning, _behind);
    }

    /// <summary>Stops encoding: the frames already queued are encoded and the file or stream is finished (trailer written).</summary>
    public void Dispose()
    {
        _cancel.Cancel();
        _thread.Join();
        _queue.Dispose();
        _cancel.Dispose();
    }

    /// <summary>Seconds a network output waits before it opens again after a failure.</summary>
    private const int ReconnectSeconds = 2;

    private void Run()
    {
        // A network output whose far end went away opens again; a file that failed (disk full, no permission) stays
        // failed rather than start over and overwrite what it wrote.
        while (Session() && MediaUrl.IsNetwork(_settings.Url) && !_cancel.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(ReconnectSeconds)))
            _channel.Logger.LogInformation("{Channel}: {Output} opening again", _channel.Name, Name);
    }

    /// <summary>Opens the output and encodes until disposal (false) or a failure (true).</summary>
    private bool Session()
    {
        var format = _channel.Format;
        FfmpegSink sink;
        try
        {
            sink = new FfmpegSink(_settings.Url, _settings.ResolvedContainer, _settings.VideoCodec, _settings.AudioCodec, _settings.Options,
                new FfmpegSinkSettings(format.Width, format.Height, (int)format.FrameRate.Numerator, (int)format.FrameRate.Denominator,
                    FieldOrder(format), Colorspace(format), Media.Audio.AudioPool.ProgrammeChannels, _settings.AudioChannels,
                    _settings.VideoBitrate, _settings.AudioBitrate));
        }
        catch (PlayoutAvException error)
        {
            Fail(error.Message);
            return true;
        }
        _channel.Logger.LogInformation("{Channel}: {Output} started ({Video} + {Audio})", _channel.Name, Name, _settings.VideoCodec, _settings.AudioCodec);
        // Back after a failure: frames are taken again and the failure's alarm goes (a "behind" alarm is not ours to clear).
        if (_failure is not null)
        {
            _failure = null;
            _channel.Alarms.Clear(_alarmSource);
        }
        using (sink)
        using (var picture = new PlanarPicture(format.Width, format.Height))
        {
            var silence = new float[Media.Audio.AudioPool.ProgrammeChannels * format.AudioCadence.Max()];
            long first = long.MinValue, last = 0;
            try
            {
                while (_queue.TryTake(out var item, _cancel.Token) || _queue.Count > 0 && _queue.TryTake(out item, CancellationToken.None))
                {
                    using var release = new Release(item);
                    if (first == long.MinValue)
                        first = last = item.Tick - 1;
                    WriteSilence(sink, silence, last + 1, item.Tick);
                    picture.UnpackFrom(item.Video);
                    sink.WriteVideo(picture.Planes, item.Tick - first - 1);
                    sink.WriteAudio(item.Audio.Samples);
                    last = item.Tick;
                    Interlocked.Increment(ref _encoded);
                }
                // Ticks dropped after the last frame encoded still count: the sound runs to the end of what went to air.
                if (first != long.MinValue)
                    WriteSilence(sink, silence, last + 1, Volatile.Read(ref _lastTick) + 1);
                sink.Finish();
                return false;
            }
            catch (PlayoutAvException error)
            {
                Fail(error.Message);
                return true;
            }
        }
    }

    /// <summary>Ticks dropped keep their place in the sound as silence; their pictures are simply absent.</summary>
    private void WriteSilence(FfmpegSink sink, float[] silence, long fromTick, long toTick)
    {
        for (long tick = fromTick; tick < toTick; tick++)
            sink.WriteAudio(silence.AsSpan(0, _channel.Format.AudioSamplesForFrame(tick) * Media.Audio.AudioPool.ProgrammeChannels));
    }

    private void Fail(string reason)
    {
        _channel.Alarms.Raise(_alarmSource, AlarmSeverity.Major, $"{Name} failed: {reason}");
        _failure = reason;
        // Frames queued before the failure are not going anywhere: give them back to the channel's pools now.
        while (_queue.Count > 0 && _queue.TryTake(out var item, CancellationToken.None))
            item.Release();
    }

    private static FfmpegFieldOrder FieldOrder(VideoFormat format) => format.ScanMode switch
    {
        ScanMode.InterlacedTopFieldFirst => FfmpegFieldOrder.TopFieldFirst,
        ScanMode.InterlacedBottomFieldFirst => FfmpegFieldOrder.BottomFieldFirst,
        _ => FfmpegFieldOrder.Progressive,
    };

    private static FfmpegColorspace Colorspace(VideoFormat format) => format.Colorimetry switch
    {
        Colorimetry.Bt601 => FfmpegColorspace.Bt601,
        Colorimetry.Bt709 => FfmpegColorspace.Bt709,
        _ => FfmpegColorspace.Bt2020,
    };

    private readonly struct Release(FrameHandoff.Item item) : IDisposable
    {
        public void Dispose() => item.Release();
    }
}
