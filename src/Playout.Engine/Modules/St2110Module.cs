using System.Net;
using System.Net.Sockets;
using Playout.Engine.Consumers;
using Playout.Engine.Producers;
using Playout.Engine.Producers.Clips;
using Playout.Engine.Producers.St2110;
using Playout.Media.Audio;
using Playout.Media.Rtp;

namespace Playout.Engine.Modules;

/// <summary>
/// SMPTE ST 2110 outputs (docs/DISTRIBUTION.md).
/// <list type="bullet">
/// <item>Consumer "st2110": the programme's video as an ST 2110-20 flow (<see cref="St2110Consumer"/>); settings
/// packetBytes (1240), payloadType (96) and pacing ("wide" or "narrow": the ST 2110-21 sender type).</item>
/// <item>Consumer "st2110-audio": its sound as an ST 2110-30 flow (<see cref="St2110AudioConsumer"/>); settings
/// audioChannels (2, 1 to 16), firstChannel (1: the programme channel the flow starts at), packetTime (1 or 0.125 ms) and
/// payloadType (97).</item>
/// <item>Consumer "st2110-anc": its time code as an ST 2110-40 flow (<see cref="St2110AncillaryConsumer"/>); settings
/// payloadType (100), scte35 (the schedule's splices as SCTE 104 messages) and timeZone (the time code's; UTC).</item>
/// </list>
/// All take destination ("address:port", required), ssrc (default: from the channel's name and the flow), ttl (64, 1 to
/// 255, for multicast) and sdp (a path to write the flow's SDP to).
/// Producer "st2110": a live input of the video flow the source's SDP file describes (<see cref="St2110InputProducer"/>),
/// with the audio flow of audioSdp (another SDP file) or of the same file; holdLast (seconds, as a stream input's).
/// </summary>
public sealed class St2110Module : IModule
{
    public string Name => "st2110";

    public void Register(ModuleRegistry registry)
    {
        registry.AddConsumer("st2110", r => Made(r, sdp => new St2110Consumer(r.Channel, new St2110Settings(Destination(r), Ssrc(r, "video"),
            r.Settings.Get("payloadType", (byte)96), r.Settings.Get("packetBytes", Rfc4175Packetizer.DefaultPacketBytes), Ttl(r), sdp, Pacing(r)))));
        registry.AddConsumer("st2110-audio", r => Made(r, sdp => new St2110AudioConsumer(r.Channel, new St2110AudioSettings(Destination(r),
            Ssrc(r, "audio"), Channels(r), PacketMicroseconds(r), r.Settings.Get("payloadType", (byte)97), Ttl(r), sdp) { FirstChannel = FirstChannel(r) })),
            withoutPicture: true);
        registry.AddConsumer("st2110-anc", r => Made(r, sdp => new St2110AncillaryConsumer(r.Channel, new St2110AncillarySettings(Destination(r),
            Ssrc(r, "ancillary"), r.Settings.Get("payloadType", (byte)100), Ttl(r), sdp) { Scte35 = r.Settings.Get("scte35", false), Zone = Zone(r) })));
        registry.AddProducer("st2110", Receiver);
    }

    /// <summary>An ST 2110 input, naming the SDP setting behind what it refuses.</summary>
    private static St2110InputProducer Receiver(ProducerRequest r)
    {
        string? audioSdp = r.Settings.Get<string?>("audioSdp", null);
        try
        {
            return new St2110InputProducer(r.Channel, r.Source, audioSdp,
                TimeSpan.FromSeconds(r.Settings.Get("holdLast", ClipOptions.DefaultHoldLast.TotalSeconds)));
        }
        catch (InvalidDataException error)
        {
            throw new ModuleSettingException(audioSdp is not null && error.Message.StartsWith(audioSdp, StringComparison.Ordinal) ? "audioSdp" : "sdp", error.Message);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ModuleSettingException(audioSdp is not null && error.Message.Contains(audioSdp, StringComparison.Ordinal) ? "audioSdp" : "sdp",
                $"cannot read it: {error.Message}");
        }
        catch (SocketException error)
        {
            throw new ModuleSettingException("sdp", $"cannot receive the flows of {r.Source}: {error.Message}");
        }
    }

    /// <summary>Makes a flow's consumer, naming the setting behind what its constructor refuses.</summary>
    private static IConsumer Made(ConsumerRequest r, Func<string?, IConsumer> make)
    {
        var sdp = r.Settings.Get<string?>("sdp", null);
        try
        {
            return make(sdp);
        }
        catch (ArgumentOutOfRangeException error) when (error.ParamName is "packetBytes" or "payloadType")
        {
            throw new ModuleSettingException(error.ParamName, $"{error.ActualValue}: {error.Message.Split(" (Parameter")[0]}");
        }
        catch (Exception error) when (sdp is not null && error is IOException or UnauthorizedAccessException)
        {
            throw new ModuleSettingException("sdp", $"cannot write {sdp}: {error.Message}");
        }
        catch (SocketException error)
        {
            // A broadcast address, say: the kernel will not route the flow there.
            throw new ModuleSettingException("destination", $"cannot send to {r.Settings.Get<string?>("destination", null)}: {error.Message}");
        }
    }

    private static IPEndPoint Destination(ConsumerRequest r)
    {
        string value = r.Settings.Require<string>("destination");
        return St2110Settings.TryParseDestination(value, out var endpoint)
            ? endpoint
            : throw new ModuleSettingException("destination", $"'{value}' is not an address:port to send to");
    }

    private static St2110Pacing Pacing(ConsumerRequest r) => r.Settings.Get("pacing", "wide") is var value && St2110Pacings.Parse(value) is { } pacing
        ? pacing
        : throw new ModuleSettingException("pacing", $"'{value}': {St2110Pacings.Choices}");

    private static int Ttl(ConsumerRequest r) => Within(r, "ttl", 64, 1, 255, "a multicast time to live is 1 to 255 hops");

    private static int Channels(ConsumerRequest r) => Within(r, "audioChannels", 2, 1, AudioPool.ProgrammeChannels,
        $"a flow carries 1 to {AudioPool.ProgrammeChannels} of the programme's channels");

    /// <summary>The programme channel (from 1) an audio flow starts at: its channels must all be the programme's.</summary>
    private static int FirstChannel(ConsumerRequest r) => Within(r, "firstChannel", 1, 1, AudioPool.ProgrammeChannels - Channels(r) + 1,
        $"a flow of {Channels(r)} channels starts at programme channel 1 to {AudioPool.ProgrammeChannels - Channels(r) + 1}");

    /// <summary>The IANA zone whose time of day a time code counts ("timeZone"; UTC without one).</summary>
    private static TimeZoneInfo Zone(ConsumerRequest r) => r.Settings.Get<string?>("timeZone", null) is not { } name ? TimeZoneInfo.Utc
        : TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone
        : throw new ModuleSettingException("timeZone", $"'{name}' is not a time zone this machine knows (an IANA name such as Asia/Ho_Chi_Minh)");

    private static int Within(ConsumerRequest r, string key, int fallback, int min, int max, string range)
    {
        int value = r.Settings.Get(key, fallback);
        return value >= min && value <= max ? value : throw new ModuleSettingException(key, $"{value}: {range}");
    }

    /// <summary>ST 2110-30's packet times at 48 kHz: 1 ms (48 samples, every receiver's) and 125 µs (6 samples).</summary>
    private static int PacketMicroseconds(ConsumerRequest r) => r.Settings.Get("packetTime", 1.0) switch
    {
        1.0 => 1000,
        0.125 => 125,
        var other => throw new ModuleSettingException("packetTime", $"{other}: ST 2110-30 packet times are 1 or 0.125 ms"),
    };

    /// <summary>A stable SSRC for one of the channel's flows: the FNV-1a hash of its name and the flow's, so a restarted
    /// channel's flows keep their identities and its video and audio differ.</summary>
    private static uint Ssrc(ConsumerRequest r, string flow)
    {
        if (r.Settings.Get<uint?>("ssrc", null) is { } configured)
            return configured;
        uint hash = 2166136261;
        foreach (char c in flow == "video" ? r.Channel.Name : $"{r.Channel.Name} {flow}")
            hash = (hash ^ c) * 16777619;
        return hash;
    }
}
