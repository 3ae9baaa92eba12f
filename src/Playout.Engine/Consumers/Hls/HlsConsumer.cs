using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Interop;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Frames;
using Playout.Media.Scte35;

namespace Playout.Engine.Consumers;

/// <summary>
/// The programme as HLS for OTT and phones: one H.264 + AAC encoder a rendition of the ladder (<see cref="StreamConsumer"/>,
/// each on its own thread), each writing FFmpeg's HLS muxer's segments (fMP4, or MPEG-TS) into a folder of its own, and a
/// master playlist ("master.m3u8") listing them.
/// <list type="bullet">
/// <item>Every rendition gets the same frames and a key frame exactly every segment's frames (no scene-cut key frames),
/// so segments start on the same frame in every rendition: a player switches between them at any segment.</item>
/// <item>The live window lists the last <see cref="HlsSettings.ListSize"/> segments (or the DVR window's) and older ones
/// are deleted.</item>
/// <item>Each rendition's playlist ("720p/index.m3u8") is the muxer's, written again (<see cref="HlsPlaylistWriter"/>) with
/// every segment's program date time on the channel's timeline (the same in every rendition) and date ranges
/// (<see cref="HlsTimedMetadata"/>): the title on air, and SCTE-35 splices with <see cref="HlsSettings.Scte35"/>.</item>
/// <item>Renditions are progressive, scaled from the channel's picture (an interlaced one as a whole frame).</item>
/// <item>A sound-only rendition ("audio/index.m3u8", AAC alone) joins the ladder with <see cref="HlsSettings.AudioOnly"/>;
/// on a radio channel it is the whole ladder.</item>
/// </list>
/// </summary>
public sealed class HlsConsumer : IConsumer, ISpliceOutput
{
    /// <summary>The sound-only rendition's folder under the output's.</summary>
    public const string AudioFolder = "audio";

    /// <summary>How often the playlists are looked at: a segment or a cue shows in them this long after the muxer's.</summary>
    private static readonly TimeSpan RefreshPeriod = TimeSpan.FromMilliseconds(100);

    private readonly ChannelContext _channel;
    private readonly HlsSettings _settings;
    private readonly StreamConsumer[] _renditions;
    private readonly HlsPlaylistWriter[] _playlists;
    private readonly Thread _refresh;
    private readonly CancellationTokenSource _stop = new();
    private readonly string _alarmSource;
    private long _firstTick = -1;
    private long _lastTick = -1;
    private DateTimeOffset _firstDate;
    private OnAirTitle? _title;

    public HlsConsumer(ChannelContext channel, HlsSettings settings)
    {
        _channel = channel;
        _settings = settings;
        _alarmSource = $"{channel.Name}/hls";
        var format = channel.Format;
        int segmentFrames = Math.Max(1, (int)Math.Round(settings.SegmentSeconds * format.FrameRate.ToDouble()));
        Directory.CreateDirectory(settings.Folder);
        var video = format.IsAudioOnly ? [] : settings.Renditions;
        bool audioOnly = format.IsAudioOnly || settings.AudioOnly;
        // Written before any encoder starts: a folder that refuses it leaves no encoder thread behind.
        Folder = Path.GetFullPath(settings.Folder);
        Master = MasterPlaylist(video, audioOnly, settings.AudioBitrate, format.FrameRate.ToDouble());
        HlsFileReplace.WriteText(Path.Combine(settings.Folder, "master.m3u8"), Master);
        var renditions = new List<StreamConsumer>();
        var playlists = new List<HlsPlaylistWriter>();
        try
        {
            foreach (var rendition in video)
            {
                string folder = Rendition(settings, $"{rendition.Height}p");
                string options = string.Create(CultureInfo.InvariantCulture,
                    $"preset={settings.Preset}:g={segmentFrames}:keyint_min={segmentFrames}:sc_threshold=0:{Segments(settings, folder, settings.SegmentSeconds)}");
                renditions.Add(new StreamConsumer(channel, new StreamSettings(Path.Combine(folder, HlsPlaylistWriter.SourceName), "hls", "libx264", "aac",
                    options, rendition.VideoBitrate, settings.AudioBitrate)
                {
                    OutWidth = Width(rendition.Height),
                    OutHeight = rendition.Height,
                    Progressive = true,
                    NowPlaying = settings.NowPlaying,
                }));
                playlists.Add(new HlsPlaylistWriter(folder, format.FrameRate.ToDouble(), segmentFrames) { CueTags = settings.CueTags });
            }
            if (audioOnly)
            {
                // Cut where the pictures' segments are cut (30 frames at 29.97 are 1.001 s), not at the nominal length: a
                // second's segments would run ahead of the video's by a millisecond a segment, and switching between them
                // would skip or repeat sound.
                double seconds = format.TimeOf(segmentFrames).TotalSeconds;
                string folder = Rendition(settings, AudioFolder);
                renditions.Add(new StreamConsumer(channel, new StreamSettings(Path.Combine(folder, HlsPlaylistWriter.SourceName), "hls", null, "aac",
                    Segments(settings, folder, seconds), AudioBitrate: settings.AudioBitrate) { NowPlaying = settings.NowPlaying }));
                playlists.Add(new HlsPlaylistWriter(folder, VideoFormat.AudioSampleRate, (long)Math.Round(seconds * VideoFormat.AudioSampleRate))
                    { CueTags = settings.CueTags });
            }
        }
        catch
        {
            renditions.ForEach(r => r.Dispose());
            throw;
        }
        _renditions = [.. renditions];
        _playlists = [.. playlists];
        // A thread of its own, not the thread pool's timer: a busy pool would hold the playlists back (and their alarm).
        _refresh = new Thread(RefreshLoop) { Name = $"{channel.Name} hls playlists", IsBackground = true };
        _refresh.Start();
    }

    /// <summary>A rendition's folder under the output's (made here).</summary>
    private static string Rendition(HlsSettings settings, string rendition)
    {
        string folder = Path.GetFullPath(Path.Combine(settings.Folder, rendition));
        Directory.CreateDirectory(folder);
        // A run before this one left its playlist and segments: a player must not be served them as this run's.
        foreach (string pattern in StaleFiles)
            foreach (string stale in Directory.EnumerateFiles(folder, pattern))
                File.Delete(stale);
        return folder;
    }

    /// <summary>What an earlier run of the output wrote in a rendition's folder (this version's names and the earlier ones').</summary>
    private static readonly string[] StaleFiles = [HlsPlaylistWriter.Name, HlsPlaylistWriter.SourceName, "init.mp4", "segment*.m4s", "segment*.ts", "index*.m4s"];

    /// <summary>The HLS muxer's options: segment length (<paramref name="seconds"/>) and type, the window, the segments' names in the rendition's folder.</summary>
    private static string Segments(HlsSettings settings, string folder, double seconds)
    {
        bool ts = settings.SegmentType == HlsSegmentType.Ts;
        string names = FfmpegOptions.Escape(Path.Combine(folder, ts ? "segment%d.ts" : "segment%d.m4s"));
        return string.Create(CultureInfo.InvariantCulture,
            $"hls_time={seconds:R}:hls_list_size={settings.ListedSegments}:hls_segment_type={(ts ? "mpegts" : "fmp4")}:hls_flags=delete_segments+independent_segments:hls_segment_filename={names}");
    }

    public string Name => "hls";

    /// <summary>Where the playlists and segments are written (full path).</summary>
    public string Folder { get; }

    /// <summary>The master playlist, as written to the folder.</summary>
    public string Master { get; }

    /// <summary>What the playlists list besides segments: titles and splices.</summary>
    public HlsTimedMetadata Metadata { get; } = new();

    public bool NeverBlocks => true;

    public bool CarriesScte35 => _settings.Scte35;

    /// <summary>Frames every rendition took, and frames any rendition dropped.</summary>
    public ConsumerCounters Counters => new(_renditions.Min(r => r.Counters.Sent), _renditions.Sum(r => r.Counters.Dropped));

    public void Send(long tick, Frame video, AudioFrame audio)
    {
        if (_firstTick < 0)
        {
            // Without a clock (an output made on its own) the first frame's date is the time it came.
            _firstDate = _channel.Clock is null ? DateTimeOffset.UtcNow : default;
            Volatile.Write(ref _firstTick, tick);
        }
        Volatile.Write(ref _lastTick, tick);
        if (_channel.OnAir is { } onAir && !ReferenceEquals(onAir, _title))
        {
            _title = onAir;
            Metadata.NowPlaying(onAir.Tick, onAir.Title);
        }
        foreach (var rendition in _renditions)
            rendition.Send(tick, video, audio);
    }

    /// <summary>
    /// Lists <paramref name="command"/> in every rendition's playlist as a date range at the date of tick
    /// <paramref name="spliceTick"/> (<see cref="HlsTimedMetadata.Splice"/>), from now on: a player sees it ahead of the
    /// splice. The section's splice time is left as cued (the date range's START-DATE is the time in HLS).
    /// </summary>
    public void CueSplice(long spliceTick, SpliceCommand command, TimeSpan preRoll, ImmutableArray<byte> descriptors = default)
    {
        SpliceCues.Check(Name, _settings.Scte35, spliceTick, command, preRoll, descriptors, Volatile.Read(ref _lastTick));
        Metadata.Splice(spliceTick, command, descriptors.IsDefault ? [] : descriptors);
    }

    /// <summary>A tick's date on the channel's timeline (the clock's epoch, or the first frame's arrival without a clock).</summary>
    private DateTimeOffset DateOf(long tick)
    {
        var format = _channel.Format;
        return _channel.Clock is { } clock ? clock.Epoch + format.TimeOf(tick)
            : _firstDate + (format.TimeOf(tick) - format.TimeOf(Volatile.Read(ref _firstTick)));
    }

    /// <summary>
    /// Writes every rendition's playlist again where the muxer's or the metadata changed; a failure is alarmed, then cleared
    /// once a refresh goes through. Nothing it meets ends the thread: a thread of its own must not end the service.
    /// </summary>
    private void Refresh()
    {
        long first = Volatile.Read(ref _firstTick);
        if (first < 0)
            return;
        try
        {
            var firstDate = DateOf(first);
            for (int i = 0; i < _playlists.Length; i++)
            {
                // A video rendition counts frames, the sound-only one samples.
                bool frames = _renditions[i].Settings.VideoCodec is not null;
                _playlists[i].Refresh(Metadata,
                    units => frames ? DateOf(first + units) : firstDate + TimeSpan.FromSeconds(units / (double)VideoFormat.AudioSampleRate), DateOf);
            }
            if (_playlists.Select(p => p.WindowStart).Min() is { } oldest)
                Metadata.ForgetBefore(oldest, DateOf);
            if (_channel.Alarms.IsActive(_alarmSource))
                _channel.Alarms.Clear(_alarmSource);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            if (!_channel.Alarms.IsActive(_alarmSource))
                _channel.Alarms.Raise(_alarmSource, AlarmSeverity.Major, $"hls: a playlist in {Folder} could not be written: {error.Message}");
        }
    }

    private void RefreshLoop()
    {
        while (!_stop.Token.WaitHandle.WaitOne(RefreshPeriod))
            Refresh();
    }

    /// <summary>Ends every rendition (the muxers write their last segment and end their playlists), then the playlists.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _refresh.Join();
        _stop.Dispose();
        foreach (var rendition in _renditions)
            rendition.Dispose();
        Refresh();
    }

    /// <summary>The width at 16:9 for a height, even (4:2:0 needs it).</summary>
    public static int Width(int height) => (int)Math.Round(height * 16 / 9.0 / 2) * 2;

    private static string MasterPlaylist(IReadOnlyList<HlsRendition> video, bool audioOnly, long audioBitrate, double frameRate)
    {
        var playlist = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        foreach (var r in video)
            playlist.Append(CultureInfo.InvariantCulture,
                $"#EXT-X-STREAM-INF:BANDWIDTH={(long)((r.VideoBitrate + audioBitrate) * 1.1)},RESOLUTION={Width(r.Height)}x{r.Height}," +
                $"CODECS=\"avc1.640028,mp4a.40.2\",FRAME-RATE={frameRate:0.###}\n{r.Height}p/{HlsPlaylistWriter.Name}\n");
        if (audioOnly)
            playlist.Append(CultureInfo.InvariantCulture,
                $"#EXT-X-STREAM-INF:BANDWIDTH={(long)(audioBitrate * 1.1)},CODECS=\"mp4a.40.2\"\n{AudioFolder}/{HlsPlaylistWriter.Name}\n");
        return playlist.ToString();
    }
}
