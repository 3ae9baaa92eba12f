using Playout.Engine;
using Playout.Engine.Consumers;
using Playout.Engine.Modules;
using Playout.Engine.Producers;
using Playout.Engine.Producers.Clips;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Rtp;

namespace Playout.Server.Hosting;

public enum ClockKind
{
    /// <summary>The card's vertical sync, falling back to the system clock when the reference is lost.</summary>
    Genlock,
    System,
    Unthrottled,

    /// <summary>PTP time (SMPTE ST 2059): frames on the SMPTE epoch's grid, locked to the host's PTP daemon (docs/DISTRIBUTION.md).</summary>
    Ptp,
}

/// <summary>How a channel on the "ptp" clock asks the host's PTP daemon (linuxptp's ptp4l) for its state.</summary>
public sealed record PtpConfig
{
    /// <summary>ptp4l's management socket (its uds_address).</summary>
    public string Socket { get; init; } = Engine.Clocks.Ptp.LinuxPtp.DefaultSocket;

    /// <summary>The PTP domain: ST 2059-2's default is 127.</summary>
    public int Domain { get; init; } = 127;

    /// <summary>The largest offset from the grandmaster, in microseconds, that counts as locked.</summary>
    public double LockedWithinMicroseconds { get; init; } = 10;

    internal void Validate(string where, ConfigProblems problems)
    {
        if (Domain is < 0 or > 255)
            problems.Add($"{where}.domain", $"a PTP domain is 0 to 255; got {Domain}");
        if (LockedWithinMicroseconds is not (> 0 and <= 1_000_000))
            problems.Add($"{where}.lockedWithinMicroseconds", $"above 0 and at most a second; got {LockedWithinMicroseconds}");
        if (string.IsNullOrWhiteSpace(Socket))
            problems.Add($"{where}.socket", "the PTP daemon's management socket path is needed");
    }
}

public sealed record ChannelConfig
{
    public required string Name { get; init; }
    public required string Format { get; init; }
    public ClockKind Clock { get; init; } = ClockKind.Genlock;

    /// <summary>The "ptp" clock's daemon, domain and lock threshold.</summary>
    public PtpConfig Ptp { get; init; } = new();

    /// <summary>Video frames the channel's pool may hold (decode-ahead queues, mixer, consumers' queues); allocated as needed.</summary>
    public int VideoFrames { get; init; } = 64;
    public CardConfig? Card { get; init; }
    public FillerConfig Filler { get; init; } = new();
    public PlaylistConfig? Playlist { get; init; }

    /// <summary>Run the channel from a schedule.</summary>
    public AutomationConfig? Automation { get; init; }
    public IReadOnlyList<GraphicConfig> Graphics { get; init; } = [];
    public IReadOnlyList<InputConfig> Inputs { get; init; } = [];
    public IReadOnlyList<OutputConfig> Outputs { get; init; } = [];

    /// <summary>Black, freeze and silence detection on the programme.</summary>
    public ProbesConfig Probes { get; init; } = new();

    /// <summary>Loudness meters, the target items are held to, and normalisation.</summary>
    public LoudnessConfig Loudness { get; init; } = new();

    /// <summary>Talk-over: layers whose sound ducks other layers' while it talks.</summary>
    public IReadOnlyList<TalkOverConfig> TalkOver { get; init; } = [];

    /// <summary>The output types that need no picture, as the standard modules register them.</summary>
    private static readonly IReadOnlyList<string> SoundOutputs = new ModuleRegistry(StandardModules.All).SoundConsumerTypes;

    /// <summary>A radio channel: <see cref="Format"/> "radio", sound only.</summary>
    public bool IsRadio => VideoFormats.Find(Format) is { IsAudioOnly: true };

    /// <summary>A radio channel has no picture to give a card, a video flow or a preview, nor a card to lock to or take inputs from.</summary>
    private void ValidateRadio(string where, ConfigProblems problems)
    {
        if (Card is not null)
            problems.Add($"{where}.card", "a radio channel has no video for a card; take the card away");
        for (int i = 0; i < Outputs.Count; i++)
            if (!SoundOutputs.Contains(Outputs[i].Type.ConfigName()))
                problems.Add($"{where}.outputs[{i}].type", $"a {Outputs[i].Type.ConfigName()} output needs pictures and a radio channel has none; it takes {string.Join(", ", SoundOutputs)}");
            else if (Outputs[i].Video is { } video && video != "none")
                problems.Add($"{where}.outputs[{i}].video", $"'{video}': a radio channel has no video; leave \"video\" out or write \"none\"");
            else if (Outputs[i].Scte35)
                problems.Add($"{where}.outputs[{i}].scte35", "SCTE-35 splice times are pictures' times, and a radio channel has none");
    }

    /// <summary>What operators call input <paramref name="index"/>: its name, else "input N" (N from 1).</summary>
    public string InputName(int index) => Inputs[index].Name ?? $"input {index + 1}";

    internal void Validate(string where, ConfigProblems problems)
    {
        if (VideoFrames < 16)
            problems.Add($"{where}.videoFrames", $"at least 16 frames are needed; got {VideoFrames}");
        if (VideoFormats.Find(Format) is null)
            problems.Add($"{where}.format", $"unknown video format '{Format}'; run 'playout formats' for the list");
        if (Clock == ClockKind.Genlock && Card is null)
            problems.Add($"{where}.clock", "genlock needs a card to lock to; add \"card\" or use \"system\"");
        if (Outputs.Any(o => o.Type == OutputKind.Card) && Card is null)
            problems.Add($"{where}.outputs", "a card output needs a \"card\"");
        if (IsRadio)
            ValidateRadio(where, problems);
        Filler.Validate($"{where}.filler", problems);
        Probes.Validate($"{where}.probes", problems);
        Loudness.Validate($"{where}.loudness", problems);
        for (int i = 0; i < TalkOver.Count; i++)
            TalkOver[i].Validate($"{where}.talkOver[{i}]", problems);
        Ptp.Validate($"{where}.ptp", problems);
        Playlist?.Validate($"{where}.playlist", problems);
        Automation?.Validate($"{where}.automation", problems);
        if (Automation?.Fallback is not null && Probes.ToSettings() is not { Silence.Enabled: true })
            problems.Add($"{where}.automation.fallback", "the fallback plays on silence, and the silence probe is off; turn probes.silence on");
        if (Playlist is { } playlist && Automation is { } automation && playlist.Layer == automation.Layer)
            problems.Add(where, $"the playlist and the automation both play on layer {playlist.Layer}; give one another layer");
        for (int i = 0; i < Outputs.Count; i++)
            Outputs[i].Validate($"{where}.outputs[{i}]", problems);
        for (int i = 0; i < Inputs.Count; i++)
        {
            Inputs[i].Validate($"{where}.inputs[{i}]", Card is not null, problems);
            if (Enumerable.Range(0, i).Any(j => InputName(j) == InputName(i)))
                problems.Add($"{where}.inputs[{i}].name", $"another input is called '{InputName(i)}'; give each a name of its own");
        }
        for (int i = 0; i < Graphics.Count; i++)
        {
            if (Graphics[i].X < 0 || Graphics[i].Y < 0 || Graphics[i].Opacity is < 0 or > 1)
                problems.Add($"{where}.graphics[{i}]", "x and y must not be negative and opacity must be 0..1");
        }
    }
}

public sealed record CardConfig
{
    public required string Driver { get; init; }
    public int Output { get; init; }
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}

/// <summary>What stands in for a failed or late producer: a colour (default black) or a slate picture.</summary>
public sealed record FillerConfig
{
    private const double MaxHoldSeconds = 60;

    public string? Color { get; init; } = "black";
    public string? Image { get; init; }

    /// <summary>The picture an operator's emergency cuts to ("to": "slate"), in the media folder; the filler's image when not set.</summary>
    public string? Slate { get; init; }

    /// <summary>Seconds the programme repeats its last picture when its source has nothing, before the filler shows (0: at once).</summary>
    public double HoldSeconds { get; init; }

    internal void Validate(string where, ConfigProblems problems)
    {
        if (HoldSeconds is not (>= 0 and <= MaxHoldSeconds))
            problems.Add($"{where}.holdSeconds", $"{HoldSeconds} is not a number of seconds from 0 to {MaxHoldSeconds}");
        if (Image is null && Color is not null)
        {
            try
            {
                ColorSpec.Parse(Color);
            }
            catch (FormatException error)
            {
                problems.Add($"{where}.color", error.Message);
            }
        }
    }
}

public sealed record PlaylistConfig
{
    public int Layer { get; init; } = 10;
    public bool Loop { get; init; } = true;
    public required IReadOnlyList<PlaylistItemConfig> Items { get; init; }

    internal void Validate(string where, ConfigProblems problems)
    {
        if (Items.Count == 0)
            problems.Add($"{where}.items", "a playlist needs at least one item");
        for (int i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            if (string.IsNullOrWhiteSpace(item.File))
                problems.Add($"{where}.items[{i}].file", "a file name is needed");
            if (item.In < 0 || item.Out <= (item.In ?? 0) || item.Seconds <= 0)
                problems.Add($"{where}.items[{i}]", "in must not be negative, out must come after in, seconds must be positive");
        }
    }
}

public sealed record PlaylistItemConfig
{
    /// <summary>A file in the media folder (or an absolute path).</summary>
    public required string File { get; init; }

    /// <summary>In and out points, in seconds from the file's start.</summary>
    public double? In { get; init; }
    public double? Out { get; init; }

    /// <summary>Planned duration in seconds; when the file cannot be played the filler stands in for this long.</summary>
    public double? Seconds { get; init; }
}

/// <summary>A still with alpha keyed over the programme (a logo bug), its top-left corner at (x, y).</summary>
public sealed record GraphicConfig
{
    public int Layer { get; init; } = 20;
    public required string Image { get; init; }
    public int X { get; init; }
    public int Y { get; init; }
    public double Opacity { get; init; } = 1;
}

public enum InputKind
{
    /// <summary>A capture input of the channel's card.</summary>
    Card,

    /// <summary>An MPEG-TS stream over UDP or SRT (anything FFmpeg opens live).</summary>
    Stream,

    /// <summary>SMPTE ST 2110-20 video (and -30 audio) flows, as their SDP files describe them (docs/DISTRIBUTION.md).</summary>
    St2110,
}

/// <summary>A live source on a layer: a card input, a network stream, or ST 2110 flows.</summary>
public sealed record InputConfig
{
    /// <summary>What operators call it (an emergency cut or a live insert names it); "input N" (from 1, in configuration order) when not set.</summary>
    public string? Name { get; init; }

    public int Layer { get; init; } = 5;
    public required InputKind Type { get; init; }

    /// <summary>Card: the input's index.</summary>
    public int Index { get; init; }

    /// <summary>Stream: udp://@:5001, srt://127.0.0.1:9000?mode=listener, …</summary>
    public string? Url { get; init; }

    /// <summary>Stream: FFmpeg input options as "key=value:key=value".</summary>
    public string? Options { get; init; }

    /// <summary>ST 2110: the video flow's SDP file, and the audio flow's when it is another file (relative to the configuration's folder).</summary>
    public string? Sdp { get; init; }
    public string? AudioSdp { get; init; }

    /// <summary>Stream and ST 2110: seconds the last picture stays on air after the input stops, before the filler covers its loss.</summary>
    public double HoldLast { get; init; } = ClipOptions.DefaultHoldLast.TotalSeconds;

    /// <summary>Stream: another stream on air in its place while it is lost (null: the filler).</summary>
    public string? Backup { get; init; }

    private const double MaxHoldLast = 10;

    internal void Validate(string where, bool hasCard, ConfigProblems problems)
    {
        if (Type == InputKind.Card && !hasCard)
            problems.Add(where, "a card input needs the channel's \"card\"");
        if (Type == InputKind.St2110 && string.IsNullOrWhiteSpace(Sdp))
            problems.Add($"{where}.sdp", "an st2110 input needs the SDP file of its video flow");
        if (AudioSdp is not null && Type != InputKind.St2110)
            problems.Add($"{where}.audioSdp", "only an st2110 input takes an audio flow's SDP");
        if (Type == InputKind.Stream && string.IsNullOrWhiteSpace(Url))
            problems.Add($"{where}.url", "a stream input needs a url (udp://…, srt://…)");
        if (HoldLast is not (>= 0 and <= MaxHoldLast))
            problems.Add($"{where}.holdLast", $"{HoldLast} is not a number of seconds from 0 to {MaxHoldLast}");
        if (Backup is not null && (Type != InputKind.Stream || !MediaUrl.IsNetwork(Backup)))
            problems.Add($"{where}.backup", $"\"{Backup}\" is not a stream url (udp://…, srt://…) of a stream input");
    }
}

public enum OutputKind
{
    Card,
    Stream,
    Preview,

    /// <summary>The video as an SMPTE ST 2110-20 flow (docs/DISTRIBUTION.md).</summary>
    St2110,

    /// <summary>The sound as an SMPTE ST 2110-30 (AES67) flow: "st2110-audio".</summary>
    St2110Audio,

    /// <summary>The time code as an SMPTE ST 2110-40 ancillary data flow: "st2110-anc".</summary>
    St2110Anc,

    /// <summary>HLS for OTT and phones: a ladder of fMP4 renditions and a master playlist in a folder (docs/DISTRIBUTION.md).</summary>
    Hls,

    /// <summary>The sound to an Icecast server's mount, titled with what is on air (docs/RADIO.md).</summary>
    Icecast,
}

public sealed record OutputConfig
{
    public required OutputKind Type { get; init; }

    /// <summary>Stream/file: where to (udp://, srt://, or a file path).</summary>
    public string? Url { get; init; }

    /// <summary>FFmpeg's muxer name; null: MPEG-TS for udp:// and srt://, else guessed from the file name.</summary>
    public string? Container { get; init; }

    /// <summary>Stream: the video encoder (null: libx264; "none", a radio channel's default, for sound alone).</summary>
    public string? Video { get; init; }

    /// <summary>Stream: the audio encoder (null: aac); Icecast: mp3, aac, opus or vorbis (null: aac).</summary>
    public string? Audio { get; init; }
    public long VideoBitrate { get; init; } = 6_000_000;
    public long AudioBitrate { get; init; } = 192_000;
    public string? Options { get; init; }
    public int AudioChannels { get; init; } = 2;

    /// <summary>Stream: carry the schedule's SCTE-35 cues on their own PID (MPEG-TS only); HLS: list them as date ranges;
    /// st2110-anc: send them as SCTE 104 messages.</summary>
    public bool Scte35 { get; init; }
    public int Scte35Pid { get; init; } = StreamSettings.DefaultScte35Pid;

    /// <summary>Stream, hls: carry the title on air as timed ID3 metadata (MPEG-TS only; hls with TS segments).</summary>
    public bool NowPlaying { get; init; }

    /// <summary>Stream: carry DVB's now and next as EIT present/following (MPEG-TS only), names in <see cref="EitLanguage"/>.</summary>
    public bool Eit { get; init; }
    public string EitLanguage { get; init; } = "und";

    /// <summary>Stream (MPEG-TS): the DVB service's name (default the channel's) and provider (default the station's) in the SDT.</summary>
    public string? ServiceName { get; init; }
    public string? ServiceProvider { get; init; }

    /// <summary>Preview size and rate.</summary>
    public int Width { get; init; } = 480;
    public int Height { get; init; } = 270;
    public double PerSecond { get; init; } = 4;

    /// <summary>The most preview pictures a second (the MJPEG stream sends each one).</summary>
    public const double MaxPreviewPerSecond = 25;

    /// <summary>ST 2110: where the flow goes (address:port), and a file to write its SDP to (relative to the configuration's folder).</summary>
    public string? Destination { get; init; }
    public string? Sdp { get; init; }

    /// <summary>ST 2110: the RTP identity and packet size; null leaves the output's defaults (docs/DISTRIBUTION.md).</summary>
    public uint? Ssrc { get; init; }
    public byte? PayloadType { get; init; }
    public int? PacketBytes { get; init; }
    public int? Ttl { get; init; }

    /// <summary>ST 2110-20: the ST 2110-21 sender type, "wide" or "narrow"; null leaves the output's default (wide).</summary>
    public string? Pacing { get; init; }

    /// <summary>HLS: the folder its playlists and segments go to (relative to the configuration's folder; served at
    /// /api/channels/{n}/hls/), the segment length and live window, the ladder (null: 1080, 720 and 480 lines, those not above
    /// the channel's) and libx264's preset; null leaves the output's defaults.</summary>
    public string? Folder { get; init; }
    public double? SegmentSeconds { get; init; }
    public int? ListSize { get; init; }
    public IReadOnlyList<Engine.Consumers.HlsRendition>? Renditions { get; init; }
    public string? Preset { get; init; }

    /// <summary>HLS: add a sound-only rendition to the ladder (a radio channel's HLS is that rendition alone).</summary>
    public bool? AudioOnly { get; init; }

    /// <summary>HLS: "fmp4" (null) or "ts" segments, and a DVR window in seconds (null: none).</summary>
    public string? SegmentType { get; init; }

    /// <summary>Hls: mark the SCTE-35 breaks with EXT-X-CUE-OUT/-CONT/-IN too.</summary>
    public bool CueTags { get; init; }
    public double? DvrSeconds { get; init; }

    /// <summary>Icecast: the mount's source user (null: "source") and password, and the station's name, description and genre.</summary>
    public string? User { get; init; }
    public string? Password { get; init; }
    public string? Station { get; init; }
    public string? Description { get; init; }
    public string? Genre { get; init; }

    /// <summary>ST 2110-30: milliseconds of sound a packet (1 or 0.125); null leaves the output's default (1).</summary>
    public double? PacketTime { get; init; }

    /// <summary>ST 2110-30: the programme channel (from 1) the flow's first channel is; null: 1.</summary>
    public int? FirstChannel { get; init; }

    /// <summary>ST 2110-40: the IANA zone whose time of day the time code counts; null: the station's (station.timeZone).</summary>
    public string? TimeZone { get; init; }

    internal void Validate(string where, ConfigProblems problems)
    {
        if (Type == OutputKind.Stream && string.IsNullOrWhiteSpace(Url))
            problems.Add($"{where}.url", "a stream output needs a url (udp://…, srt://… or a file path)");
        if (Type == OutputKind.Icecast && (string.IsNullOrWhiteSpace(Url) || string.IsNullOrEmpty(Password)))
            problems.Add(string.IsNullOrWhiteSpace(Url) ? $"{where}.url" : $"{where}.password",
                "an icecast output needs the mount's url (http://host:port/mount) and its source password");
        if (Scte35 && Type is not (OutputKind.Stream or OutputKind.Hls or OutputKind.St2110Anc))
            problems.Add($"{where}.scte35", "only a stream, hls or st2110-anc (as SCTE 104) output carries SCTE-35");
        else if (Scte35 && Video == "none")
            problems.Add($"{where}.scte35", "SCTE-35 splice times are pictures' times, and this stream has no video");
        if (NowPlaying && Type is not (OutputKind.Stream or OutputKind.Hls))
            problems.Add($"{where}.nowPlaying", "only a stream or hls (TS segments) output carries the title on air as timed metadata");
        else if (NowPlaying && Type == OutputKind.Hls && SegmentType != "ts")
            problems.Add($"{where}.nowPlaying", "timed ID3 rides in TS segments: set \"segmentType\": \"ts\" (the playlists list the titles as date ranges either way)");
        if (CueTags && (Type != OutputKind.Hls || !Scte35))
            problems.Add($"{where}.cueTags", "cue tags mark the SCTE-35 breaks of an hls output with \"scte35\" on");
        if (Eit && Type != OutputKind.Stream)
            problems.Add($"{where}.eit", "only a stream output (MPEG-TS) carries DVB's EIT");
        if (Type == OutputKind.Preview && (Width <= 0 || Height <= 0 || PerSecond <= 0))
            problems.Add(where, "preview width, height and perSecond must be positive");
        if (Type == OutputKind.Preview && PerSecond > MaxPreviewPerSecond)
            problems.Add($"{where}.perSecond", $"at most {MaxPreviewPerSecond} pictures a second; got {PerSecond}");
        if (Type == OutputKind.Hls && string.IsNullOrWhiteSpace(Folder))
            problems.Add($"{where}.folder", "an hls output needs the folder its playlists and segments go to");
        bool flow = Type is OutputKind.St2110 or OutputKind.St2110Audio or OutputKind.St2110Anc;
        if (flow && !St2110Settings.TryParseDestination(Destination, out _))
            problems.Add($"{where}.destination", $"an {Type.ConfigName()} output needs an address:port to send to; got \"{Destination}\"");
        if (Pacing is { } pacing && (Type != OutputKind.St2110 || St2110Pacings.Parse(pacing) is null))
            problems.Add($"{where}.pacing", Type != OutputKind.St2110 ? "only an st2110 (video) output is paced as an ST 2110-21 sender"
                : $"{St2110Pacings.Choices}; got \"{pacing}\"");
        if (Type == OutputKind.St2110Audio && AudioChannels is < 1 or > AudioPool.ProgrammeChannels)
            problems.Add($"{where}.audioChannels", $"an st2110-audio flow carries 1 to {AudioPool.ProgrammeChannels} of the programme's channels; got {AudioChannels}");
        if (TimeZone is { } zone && (Type != OutputKind.St2110Anc || AutomationConfig.ZoneProblem(zone) is not null))
            problems.Add($"{where}.timeZone", Type != OutputKind.St2110Anc ? "only an st2110-anc output's time code takes a time zone"
                : AutomationConfig.ZoneProblem(zone)!);
        if (FirstChannel is { } firstChannel && (Type != OutputKind.St2110Audio || firstChannel < 1 || firstChannel - 1 + AudioChannels > AudioPool.ProgrammeChannels))
            problems.Add($"{where}.firstChannel", $"an st2110-audio flow of {AudioChannels} channels starts at programme channel 1 to {AudioPool.ProgrammeChannels - AudioChannels + 1}; got {firstChannel}");
        if (PacketTime is { } packetTime && (Type != OutputKind.St2110Audio || packetTime is not (1 or 0.125)))
            problems.Add($"{where}.packetTime", $"an st2110-audio output's packet time is 1 or 0.125 ms; got {packetTime}");
    }
}
