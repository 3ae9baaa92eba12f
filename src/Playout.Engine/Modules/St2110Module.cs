using System.Net;
using Playout.Engine.Consumers;
using Playout.Media.Rtp;

namespace Playout.Engine.Modules;

/// <summary>
/// SMPTE ST 2110 outputs. Consumer "st2110": the programme's video as an ST 2110-20 flow (<see cref="St2110Consumer"/>);
/// settings destination ("address:port", required), ssrc (default: from the channel's name), payloadType (96),
/// packetBytes (1240), ttl (64, 1 to 255, for multicast) and sdp (a path to write the flow's SDP to).
/// </summary>
public sealed class St2110Module : IModule
{
    public string Name => "st2110";

    public void Register(ModuleRegistry registry) => registry.AddConsumer("st2110", Create);

    private static St2110Consumer Create(ConsumerRequest r)
    {
        var settings = new St2110Settings(
            Destination(r.Settings.Require<string>("destination")),
            r.Settings.Get("ssrc", Ssrc(r.Channel.Name)),
            r.Settings.Get("payloadType", (byte)96),
            r.Settings.Get("packetBytes", Rfc4175Packetizer.DefaultPacketBytes),
            Ttl(r.Settings.Get("ttl", 64)),
            r.Settings.Get<string?>("sdp", null));
        try
        {
            return new St2110Consumer(r.Channel, settings);
        }
        catch (ArgumentOutOfRangeException error) when (error.ParamName is "packetBytes" or "payloadType")
        {
            throw new ModuleSettingException(error.ParamName, $"{error.ActualValue}: {error.Message.Split(" (Parameter")[0]}");
        }
        catch (Exception error) when (settings.SdpPath is { } path && error is IOException or UnauthorizedAccessException)
        {
            throw new ModuleSettingException("sdp", $"cannot write {path}: {error.Message}");
        }
    }

    private static IPEndPoint Destination(string value) =>
        St2110Settings.TryParseDestination(value, out var endpoint)
            ? endpoint
            : throw new ModuleSettingException("destination", $"'{value}' is not an address:port to send to");

    private static int Ttl(int ttl) =>
        ttl is >= 1 and <= 255 ? ttl : throw new ModuleSettingException("ttl", $"{ttl}: a multicast time to live is 1 to 255 hops");

    /// <summary>A stable SSRC for the channel: its name's FNV-1a hash, so a restarted channel's flow keeps its identity.</summary>
    private static uint Ssrc(string channel)
    {
        uint hash = 2166136261;
        foreach (char c in channel)
            hash = (hash ^ c) * 16777619;
        return hash;
    }
}
