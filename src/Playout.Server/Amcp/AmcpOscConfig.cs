using System.Net;
using Playout.Server.Monitoring;

namespace Playout.Server.Amcp;

/// <summary>
/// Where CasparCG's OSC status goes (docs/AMCP.md "OSC"): UDP datagrams, one bundle of each channel's state per frame,
/// to every target. No targets (the default): nothing is sent.
/// </summary>
public sealed record AmcpOscConfig
{
    /// <summary>IP:PORT of each receiver (6250 is CasparCG's default OSC port).</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    internal IReadOnlyList<IPEndPoint> EndPoints => [.. Targets.Select(t => SnmpConfig.ParseEndPoint(t)!)];
}
