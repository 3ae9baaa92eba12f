using Playout.Engine.Consumers;
using Playout.Engine.Producers;
using Playout.Engine.Producers.Clips;

namespace Playout.Engine.Modules;

/// <summary>
/// Everything that plays or writes through FFmpeg. Producers: "clip" (a file; settings in, out, loop, protocols, gain: linear, on its sound), "stream"
/// (a live network input; options, protocols, holdLast in seconds, backup: a second stream's url), "still" (a picture file fitted to the raster), "graphic" (a picture with alpha
/// at x, y). Consumers: "stream" (an encoded stream or file: url, container, video, audio, options, videoBitrate,
/// audioBitrate, audioChannels, scte35, scte35Pid, nowPlaying) and "preview" (JPEG thumbnails: width, height, perSecond).
/// </summary>
public sealed class FfmpegModule : IModule
{
    public string Name => "ffmpeg";

    public void Register(ModuleRegistry registry)
    {
        registry.AddProducer("clip", r => new ClipProducer(r.Channel, r.Source, new ClipOptions(
            In: r.Settings.Get<TimeSpan?>("in", null), Out: r.Settings.Get<TimeSpan?>("out", null), Loop: r.Settings.Get("loop", false),
            Protocols: Protocols(r.Settings))
        {
            Gain = r.Settings.Get("gain", 1.0),
        }));
        registry.AddProducer("stream", r => new ClipProducer(r.Channel, r.Source,
            new ClipOptions(Live: true, Options: r.Settings.Get<string?>("options", null), Protocols: Protocols(r.Settings))
            {
                HoldLast = TimeSpan.FromSeconds(r.Settings.Get("holdLast", ClipOptions.DefaultHoldLast.TotalSeconds)),
                Backup = r.Settings.Get<string?>("backup", null),
            }));
        registry.AddProducer("still", r => new StillProducer($"still {r.Source}", ImageFiles.Picture(r.Channel, r.Source)));
        registry.AddProducer("graphic", r => new StillProducer(Path.GetFileName(r.Source), null,
            ImageFiles.Overlay(r.Channel, r.Source, r.Settings.Get("x", 0), r.Settings.Get("y", 0))));
        registry.AddConsumer("stream", r => new StreamConsumer(r.Channel, Stream(r)), withoutPicture: true);
        registry.AddConsumer("icecast", r => new IcecastConsumer(r.Channel, Icecast(r.Settings)), withoutPicture: true);
        registry.AddConsumer("hls", r =>
        {
            var settings = Hls(r);
            try
            {
                return new HlsConsumer(r.Channel, settings);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new ModuleSettingException("folder", $"cannot write {settings.Folder}: {error.Message}");
            }
        }, withoutPicture: true);
        registry.AddConsumer("preview", r => new PreviewConsumer(r.Channel,
            r.Settings.Require<int>("width"), r.Settings.Require<int>("height"), r.Settings.Require<double>("perSecond")));
    }

    /// <summary>The network protocols a source may use ("protocols"; null: <see cref="MediaUrl.DefaultProtocols"/>).</summary>
    private static IReadOnlyList<string>? Protocols(ModuleSettings settings) => settings.Get<IReadOnlyList<string>?>("protocols", null);

    /// <summary>An HLS output: its folder (required), segment length and type, live and DVR windows, ladder (default:
    /// <see cref="HlsSettings.DefaultLadder"/>), SCTE-35.</summary>
    private static HlsSettings Hls(ConsumerRequest r)
    {
        var settings = r.Settings;
        // A radio channel's ladder is its sound alone, whatever is configured.
        var ladder = r.Channel.Format.IsAudioOnly ? []
            : settings.Get<IReadOnlyList<HlsRendition>?>("renditions", null) is { Count: > 0 } configured ? configured
            : HlsSettings.DefaultLadder(r.Channel.Format.Height);
        var defaults = new HlsSettings(settings.Require<string>("folder"), ladder);
        var hls = defaults with
        {
            SegmentSeconds = settings.Get("segmentSeconds", defaults.SegmentSeconds),
            ListSize = settings.Get("listSize", defaults.ListSize),
            AudioBitrate = settings.Get("audioBitrate", defaults.AudioBitrate),
            Preset = settings.Get("preset", defaults.Preset),
            AudioOnly = settings.Get("audioOnly", false),
            DvrSeconds = settings.Get("dvrSeconds", 0.0),
            Scte35 = settings.Get("scte35", false),
            NowPlaying = settings.Get("nowPlaying", false),
            CueTags = settings.Get("cueTags", false),
            SegmentType = settings.Get("segmentType", "fmp4") switch
            {
                "fmp4" => HlsSegmentType.Fmp4,
                "ts" => HlsSegmentType.Ts,
                var other => throw new ModuleSettingException("segmentType", $"'{other}': segments are \"fmp4\" or \"ts\""),
            },
        };
        if (hls.SegmentSeconds is not (>= 1 and <= 10))
            throw new ModuleSettingException("segmentSeconds", $"{hls.SegmentSeconds}: a segment is 1 to 10 seconds");
        if (hls.ListSize is < 3 or > 100)
            throw new ModuleSettingException("listSize", $"{hls.ListSize}: a live window lists 3 to 100 segments");
        if (hls.DvrSeconds is not (>= 0 and <= HlsSettings.MaxDvrSeconds))
            throw new ModuleSettingException("dvrSeconds", $"{hls.DvrSeconds}: a DVR window is 0 (none) to {HlsSettings.MaxDvrSeconds} seconds");
        if (hls.NowPlaying && hls.SegmentType != HlsSegmentType.Ts)
            throw new ModuleSettingException("nowPlaying", "timed ID3 rides in TS segments: set \"segmentType\": \"ts\" (the playlists list the titles as date ranges either way)");
        if (hls.CueTags && !hls.Scte35)
            throw new ModuleSettingException("cueTags", "cue tags mark the schedule's SCTE-35 breaks: turn \"scte35\" on too");
        if (hls.Scte35 && r.Channel.Format.IsAudioOnly)
            throw new ModuleSettingException("scte35", "SCTE-35 splice times are pictures' times, and a radio channel has none");
        if (ladder.FirstOrDefault(x => x.Height is < 144 or > 4320 || x.Height % 2 != 0 || x.VideoBitrate <= 0) is { } bad)
            throw new ModuleSettingException("renditions", $"{bad.Height} lines at {bad.VideoBitrate} b/s: a rendition is an even 144 to 4320 lines at a bit rate above 0");
        return hls;
    }

    /// <summary>
    /// An encoded stream or file; "video": "none" (a radio channel's only choice, and its default) encodes the sound alone.
    /// </summary>
    private static StreamSettings Stream(ConsumerRequest r)
    {
        var settings = r.Settings;
        var defaults = new StreamSettings(settings.Require<string>("url"));
        string? video = settings.Get("video", r.Channel.Format.IsAudioOnly ? NoVideo : defaults.VideoCodec);
        if (r.Channel.Format.IsAudioOnly && video != NoVideo)
            throw new ModuleSettingException("video", $"'{video}': a radio channel has no video; leave \"video\" out or write \"{NoVideo}\"");
        var stream = defaults with
        {
            Container = settings.Get("container", defaults.Container),
            VideoCodec = video == NoVideo ? null : video,
            AudioCodec = settings.Get("audio", defaults.AudioCodec),
            Options = settings.Get("options", defaults.Options),
            VideoBitrate = settings.Get("videoBitrate", defaults.VideoBitrate),
            AudioBitrate = settings.Get("audioBitrate", defaults.AudioBitrate),
            AudioChannels = settings.Get("audioChannels", defaults.AudioChannels),
            Scte35 = settings.Get("scte35", defaults.Scte35),
            Scte35Pid = settings.Get("scte35Pid", defaults.Scte35Pid),
            NowPlaying = settings.Get("nowPlaying", false),
            Eit = settings.Get("eit", false),
            EitLanguage = settings.Get("eitLanguage", defaults.EitLanguage),
            // The DVB service is the channel's, by the station (the service passes its name as the provider).
            ServiceName = settings.Get("serviceName", r.Channel.Name),
            ServiceProvider = settings.Get<string?>("serviceProvider", null),
        };
        string container = stream.ResolvedContainer ?? "a file whose container FFmpeg guesses from its name";
        if (stream.NowPlaying && stream.ResolvedContainer != "mpegts")
            throw new ModuleSettingException("nowPlaying", $"the title on air rides as timed metadata in MPEG-TS only, and this output is {container}");
        if (stream.Eit && stream.ResolvedContainer != "mpegts")
            throw new ModuleSettingException("eit", $"DVB's EIT rides in MPEG-TS only, and this output is {container}");
        // The SDT's service_descriptor holds both names, each with its length and perhaps a UTF-8 mark, in 255 bytes.
        int name = System.Text.Encoding.UTF8.GetByteCount(stream.ServiceName ?? ""), provider = System.Text.Encoding.UTF8.GetByteCount(stream.ServiceProvider ?? "");
        if (stream.ResolvedContainer == "mpegts" && name + provider > MaxServiceNameBytes)
            throw new ModuleSettingException(name >= provider ? "serviceName" : "serviceProvider",
                $"the DVB service's name and provider take {name + provider} bytes of UTF-8 together; at most {MaxServiceNameBytes} fit the SDT");
        if (stream.EitLanguage.Length != 3 || !stream.EitLanguage.All(char.IsAsciiLetterLower))
            throw new ModuleSettingException("eitLanguage", $"'{stream.EitLanguage}' is not an ISO 639-2 code (three small letters: \"vie\", \"ind\", \"chi\")");
        return stream;
    }

    /// <summary>The most bytes a DVB service's name and provider take together in the SDT's service_descriptor.</summary>
    private const int MaxServiceNameBytes = 250;

    /// <summary>The "video" of a sound-only stream.</summary>
    private const string NoVideo = "none";

    /// <summary>An Icecast mount: url (http://host:port/mount), password, user, audio (mp3, aac, opus, vorbis), audioBitrate, audioChannels, station, description, genre.</summary>
    private static IcecastSettings Icecast(ModuleSettings settings)
    {
        string url = settings.Require<string>("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var mount))
            throw new ModuleSettingException("url", $"'{url}' is not an address: an Icecast mount is http://host:port/mount");
        var defaults = new IcecastSettings(mount, settings.Get("password", ""));
        var icecast = defaults with
        {
            User = settings.Get("user", defaults.User),
            Codec = settings.Get("audio", defaults.Codec),
            Bitrate = settings.Get("audioBitrate", defaults.Bitrate),
            AudioChannels = settings.Get("audioChannels", defaults.AudioChannels),
            StationName = settings.Get("station", defaults.StationName),
            Description = settings.Get("description", defaults.Description),
            Genre = settings.Get("genre", defaults.Genre),
        };
        return icecast.Problem() is { } problem ? throw new ModuleSettingException(problem.Field, problem.Problem) : icecast;
    }
}
