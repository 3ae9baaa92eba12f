using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Pictures;
using Playout.Interop;
using Playout.Media.Formats;
using Playout.Media.Scte35;

namespace Playout.Engine.Consumers;

/// <summary>
/// Encodes the programme with FFmpeg (H.264 + AAC, MPEG-2 + MP2, …) to a stream (MPEG-TS over UDP or SRT) or a
/// file (MXF, MOV, MP4). Encoding runs on its own thread behind a bounded queue: when the encoder falls behind,
/// frames are dropped, counted and alarmed, and the channel never waits. The sound of a dropped frame is
/// replaced by silence of the same length so picture and sound stay in step.
/// With <see cref="StreamSettings.Scte35"/> an MPEG-TS output also carries SCTE-35 cues (<see cref="CueSplice"/>).
/// Without a video codec it encodes the sound alone.
/// </summary>
public sealed class StreamConsumer : IConsumer, ISpliceOutput
{
    /// <summary>Frames that must pass without a drop before the "behind" alarm clears.</summary>
    private const int RecoveredAfter = 250;

    /// <summary>How often the title on air is sent again with <see cref="StreamSettings.NowPlaying"/>.</summary>
    public static readonly TimeSpan NowPlayingRepeat = TimeSpan.FromSeconds(5);

    /// <summary>How often EIT present/following is sent again with <see cref="StreamSettings.Eit"/>.</summary>
    public static readonly TimeSpan EitRepeat = TimeSpan.FromSeconds(1);

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
    private readonly SpliceCues _cues;
    private long _splicesSent;
    private long _splicesMissed;
    private EitCarousel? _eit;

    public StreamConsumer(ChannelContext channel, StreamSettings settings)
    {
        _channel = channel;
        _settings = settings;
        _queue = new FrameHandoff(settings.Queue);
        _cues = new SpliceCues(channel.Format);
        Name = $"stream {settings.ShownAs ?? settings.Url}";
        _alarmSource = $"{channel.Name}/{Name}";
        _behind = $"{Name}: the encoder is behind; dropping frames";
        // Normal priority: an encoder is on air (it must keep up), and the tick above it has the CPU first (ThreadScheduling).
        _thread = new Thread(Run) { Name = $"{channel.Name} encode {settings.ShownAs ?? settings.Url}", IsBackground = true };
        _thread.Start();
    }

    public string Name { get; }

    /// <summary>The source of its alarms (failed, behind) on the channel's board.</summary>
    public string AlarmSource => _alarmSource;

    /// <summary>What it encodes to and how (the url, codecs, bitrates).</summary>
    public StreamSettings Settings => _settings;

    /// <summary>Send only offers the frame to a bounded queue its own thread drains.</summary>
    public bool NeverBlocks => true;

    public ConsumerCounters Counters => new(Interlocked.Read(ref _sent), Interlocked.Read(ref _dropped));

    /// <summary>Times the output has opened (a network output opens again after a failure).</summary>
    public long Opened => Interlocked.Read(ref _opened);

    private long _opened;

    /// <summary>Frames the encoder has taken.</summary>
    public long Encoded => Interlocked.Read(ref _encoded);

    /// <summary>Why the output is not running (FFmpeg's error), or null.</summary>
    public string? Failure => _failure;

    /// <summary>SCTE-35 sections written so far.</summary>
    public long SplicesSent => Interlocked.Read(ref _splicesSent);

    /// <summary>Cues dropped because their splice frame had gone to the encoder before they could be sent.</summary>
    public long SplicesMissed => Interlocked.Read(ref _splicesMissed);

    /// <summary>Raised on the encoder thread after each SCTE-35 section is written (for the as-run log). Keep handlers short.</summary>
    public event Action<SpliceSent>? SpliceSent;

    /// <summary>Whether the output was set up to carry SCTE-35 (<see cref="StreamSettings.Scte35"/>).</summary>
    public bool CarriesScte35 => _settings.Scte35;

    /// <summary>
    /// Cues an SCTE-35 splice at the programme frame of channel tick <paramref name="spliceTick"/>. Thread-safe; call from
    /// any thread, ahead of time. The encoder thread writes the section when it encodes the frame of tick
    /// <c>spliceTick - preRoll</c> (pre-roll rounded up to whole frames), or with the next frame it encodes when that
    /// tick has passed already; the section goes out before the frame of that tick.
    /// <para>A <see cref="SpliceInsert"/> (not a cancel) or <see cref="TimeSignal"/> gets its splice_time set to the PTS the
    /// muxer writes for the splice frame (pts_adjustment 0), whatever time it carried; other commands (splice_null, a
    /// cancel) go as given. <paramref name="descriptors"/> is the raw descriptor loop (e.g. a segmentation_descriptor).</para>
    /// <para>Sent once the PTS mapping is known (the first video packet has left the muxer: the first second or so of an
    /// output); a cue whose splice frame was encoded before it could be sent is dropped with a warning
    /// (<see cref="SplicesMissed"/>). Pending cues live across a reconnect of a network output.</para>
    /// </summary>
    /// <exception cref="InvalidOperationException">The output was not configured with <see cref="StreamSettings.Scte35"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The splice tick has already been played out to this output, or the pre-roll is negative.</exception>
    public void CueSplice(long spliceTick, SpliceCommand command, TimeSpan preRoll, ImmutableArray<byte> descriptors = default)
    {
        SpliceCues.Check(Name, _settings.Scte35, spliceTick, command, preRoll, descriptors, Volatile.Read(ref _lastTick));
        _cues.Add(spliceTick, command, preRoll, descriptors);
    }

    public void Send(long tick, Media.Frames.Frame video, Media.Audio.AudioFrame audio)
    {
        Volatile.Write(ref _lastTick, tick);
        if (Failure is null && _queue.TryAdd(tick, video, audio, _settings.NowPlaying ? _channel.NowPlaying : null))
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
            sink = new FfmpegSink(_settings.Url, _settings.ResolvedContainer, _settings.VideoCodec, _settings.AudioCodec, _settings.EffectiveOptions,
                new FfmpegSinkSettings(format.Width, format.Height, (int)format.FrameRate.Numerator, (int)format.FrameRate.Denominator,
                    _settings.Progressive ? FfmpegFieldOrder.Progressive : FieldOrder(format), Colorspace(format), Media.Audio.AudioPool.ProgrammeChannels,
                    _settings.AudioChannels, _settings.VideoBitrate, _settings.AudioBitrate, _settings.Scte35 ? _settings.Scte35Pid : 0,
                    _settings.OutWidth, _settings.OutHeight, _settings.NowPlaying, _settings.Eit));
        }
        catch (PlayoutAvException error)
        {
            Fail(error.Message);
            return true;
        }
        _channel.Logger.LogInformation("{Channel}: {Output} started ({Video} + {Audio})", _channel.Name, Name, _settings.VideoCodec ?? "no video", _settings.AudioCodec);
        Interlocked.Increment(ref _opened);
        // Back after a failure: frames are taken again and the failure's alarm goes (a "behind" alarm is not ours to clear).
        if (_failure is not null)
        {
            _failure = null;
            _channel.Alarms.Clear(_alarmSource);
        }
        using (sink)
        using (var picture = _settings.VideoCodec is null ? null : new PlanarPicture(format.Width, format.Height))
        {
            var silence = new float[Media.Audio.AudioPool.ProgrammeChannels * format.AudioCadence.Max()];
            long first = long.MinValue, last = 0;
            var titles = _settings.NowPlaying ? new TitleCarousel(format) : null;
            var guide = _settings.Eit ? _eit ??= new EitCarousel(_channel, _settings.EitLanguage) : null;
            guide?.Restart();
            // Progressive pictures of an interlaced channel (an HLS rendition) are deinterlaced: scaled as a whole frame, its fields would comb.
            bool blend = _settings.Progressive && format.IsInterlaced;
            try
            {
                while (_queue.TryTake(out var item, _cancel.Token) || _queue.Count > 0 && _queue.TryTake(out item, CancellationToken.None))
                {
                    using var release = new Release(item);
                    if (first == long.MinValue)
                        first = last = item.Tick - 1;
                    WriteSilence(sink, silence, last + 1, item.Tick);
                    if (_settings.Scte35)
                        SendDueCues(sink, item.Tick, first + 1);
                    titles?.Send(sink, item.Title, item.Tick - first - 1);
                    guide?.Send(sink, item.Tick, item.Tick - first - 1);
                    if (picture is not null)
                    {
                        picture.UnpackFrom(item.Video);
                        if (blend)
                            picture.BlendFields();
                        sink.WriteVideo(picture.Planes, item.Tick - first - 1);
                    }
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

    /// <summary>
    /// On the encoder thread, before the frame of <paramref name="tick"/> is encoded: writes the cues that are due. Output frame
    /// n is tick <paramref name="firstTick"/> + n, so the splice frame's PTS is the sink's PTS of frame spliceTick - firstTick.
    /// </summary>
    private void SendDueCues(FfmpegSink sink, long tick, long firstTick)
    {
        foreach (var cue in _cues.Due(tick))
        {
            if (cue.SpliceTick < tick)
            {
                _cues.Remove(cue);
                Interlocked.Increment(ref _splicesMissed);
                _channel.Logger.LogWarning("{Channel}: {Output} SCTE-35 {Command} for tick {Tick} not sent: that frame was encoded before the cue could go (now at tick {Now})",
                    _channel.Name, Name, cue.Command.Type, cue.SpliceTick, tick);
                continue;
            }
            long frame = cue.SpliceTick - firstTick;
            if (!sink.TryGetVideoPts(frame, out long pts))
                continue; // the muxer has not written video yet: try again with the next frame
            var command = cue.Command switch
            {
                SpliceInsert { Cancel: false } insert => insert with { Time = SpliceTime.At((ulong)pts) },
                TimeSignal signal => signal with { Time = SpliceTime.At((ulong)pts) },
                _ => cue.Command,
            };
            var section = new SpliceInfoSection(command, Descriptors: cue.Descriptors);
            byte[] bytes = section.Encode();
            sink.WriteScte35(bytes);
            _cues.Remove(cue);
            Interlocked.Increment(ref _splicesSent);
            _channel.Logger.LogInformation("{Channel}: {Output} SCTE-35 {Command} sent at tick {Now} for tick {Tick} (pts {Pts}): {Section}",
                _channel.Name, Name, command.Type, tick, cue.SpliceTick, pts, section.ToBase64());
            SpliceSent?.Invoke(new SpliceSent(cue.SpliceTick, tick, frame, pts, section, bytes));
        }
    }

    /// <summary>The title on air as timed ID3 metadata: when it changes, and again every <see cref="NowPlayingRepeat"/>.</summary>
    private sealed class TitleCarousel(VideoFormat format)
    {
        private readonly long _repeatFrames = Math.Max(1, format.FrameIndexAt(NowPlayingRepeat));
        private string? _title;
        private byte[] _tag = [];
        private long _sentAt = long.MinValue;

        /// <summary>Before output frame <paramref name="frame"/> (counted from the output's first).</summary>
        public void Send(FfmpegSink sink, string? title, long frame)
        {
            if (title is null || ReferenceEquals(title, _title) && frame - _sentAt < _repeatFrames)
                return;
            if (!ReferenceEquals(title, _title))
                (_title, _tag) = (title, Media.Metadata.Id3Tag.Title(title));
            sink.WriteMetadata(_tag, (long)((Int128)frame * 90_000 * format.FrameRate.Denominator / format.FrameRate.Numerator));
            _sentAt = frame;
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
        if (_settings.ShownAs is { } shown)
            reason = reason.Replace(_settings.Url, shown, StringComparison.Ordinal);
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

/// <summary>An SCTE-35 section a <see cref="StreamConsumer"/> wrote.</summary>
/// <param name="SpliceTick">The channel tick of the splice frame.</param>
/// <param name="SentAtTick">The tick whose frame the section went out ahead of.</param>
/// <param name="FrameIndex">The splice frame's number in this output (its first frame is 0).</param>
/// <param name="Pts">The splice frame's PTS in the stream, 90 kHz (the section's pts_time; pts_adjustment is 0).</param>
public sealed record SpliceSent(long SpliceTick, long SentAtTick, long FrameIndex, long Pts, SpliceInfoSection Section, byte[] Bytes);
