namespace Playout.Engine.Consumers;

/// <summary>An encoded output: where to, in which container and codecs.</summary>
/// <param name="Url">udp://host:port?pkt_size=1316, srt://…, or a file path.</param>
/// <param name="Container">FFmpeg's muxer name ("mpegts", "mov", "mp4", "mxf"); null guesses from the url (udp/srt: mpegts).</param>
/// <param name="VideoCodec">The video encoder; null for a sound-only output (a radio service, a TV channel's sound alone).</param>
/// <param name="Options">Encoder options as "key=value:key=value" (e.g. "preset=veryfast:tune=zerolatency").</param>
/// <param name="AudioChannels">Programme channels encoded (the first ones; 2 = stereo from channels 1 and 2).</param>
/// <param name="Queue">Frames buffered for the encoder before frames are dropped.</param>
/// <param name="Scte35">Carry SCTE-35 cues (<see cref="StreamConsumer.CueSplice"/>) on PID <paramref name="Scte35Pid"/>; MPEG-TS only.</param>
/// <param name="Scte35Pid">The SCTE-35 stream's PID (0x20..0x1FFE, not one of the muxer's: video 0x100, audio 0x101, PMT 0x1000).</param>
public sealed record StreamSettings(
    string Url, string? Container = null, string? VideoCodec = "libx264", string AudioCodec = "aac", string? Options = null,
    long VideoBitrate = 6_000_000, long AudioBitrate = 192_000, int AudioChannels = 2, int Queue = 12,
    bool Scte35 = false, int Scte35Pid = StreamSettings.DefaultScte35Pid)
{
    /// <summary>How the output is named in logs, alarms and errors instead of <see cref="Url"/> (one that carries a password).</summary>
    public string? ShownAs { get; init; }

    /// <summary>The picture size encoded, scaled from the channel's; 0: the channel's own (an HLS rendition sets it).</summary>
    public int OutWidth { get; init; }
    public int OutHeight { get; init; }

    /// <summary>Encode progressive pictures whatever the channel's scan (an HLS rendition, for players that do not take fields):
    /// an interlaced channel's pictures are deinterlaced first (<see cref="Media.Kernels.FieldBlend"/>).</summary>
    public bool Progressive { get; init; }

    /// <summary>
    /// Carry what is on air (<see cref="Channels.ChannelContext.NowPlaying"/>) as timed ID3 metadata (a TIT2 title) in
    /// a metadata stream: as it changes, and again every <see cref="StreamConsumer.NowPlayingRepeat"/> for receivers that
    /// join later. MPEG-TS only.
    /// </summary>
    public bool NowPlaying { get; init; }

    /// <summary>
    /// Carry DVB's now and next (<see cref="Channels.ChannelContext.Guide"/>) as EIT present/following (PID 0x12), the SDT
    /// saying so: sent as it changes and every <see cref="StreamConsumer.EitRepeat"/>. MPEG-TS only.
    /// </summary>
    public bool Eit { get; init; }

    /// <summary>The ISO 639-2 code of the EIT's event names ("vie", "ind", "chi"); "und" when not given.</summary>
    public string EitLanguage { get; init; } = "und";

    /// <summary>MPEG-TS: the DVB service's name and provider in the SDT (null: FFmpeg's "Service01" and "FFmpeg").</summary>
    public string? ServiceName { get; init; }
    public string? ServiceProvider { get; init; }

    /// <summary><see cref="Options"/> with the service's names (which the sink uses in MPEG-TS, and drops otherwise).</summary>
    public string? EffectiveOptions => Interop.FfmpegOptions.Join(Options,
        ServiceName is null ? null : $"service_name={Interop.FfmpegOptions.Escape(ServiceName)}",
        ServiceProvider is null ? null : $"service_provider={Interop.FfmpegOptions.Escape(ServiceProvider)}");

    /// <summary>500 (0x1F4), a common choice for the SCTE-35 PID.</summary>
    public const int DefaultScte35Pid = 0x1F4;

    /// <summary>The muxer: the one named, else MPEG-TS for network protocols, else FFmpeg's guess from the file name.</summary>
    public string? ResolvedContainer => Container ?? (Url.StartsWith("udp://", StringComparison.OrdinalIgnoreCase)
        || Url.StartsWith("srt://", StringComparison.OrdinalIgnoreCase) || Url.StartsWith("rtp://", StringComparison.OrdinalIgnoreCase) ? "mpegts" : null);
}
