using System.Net;
using Playout.Server.Hosting;
using Playout.Server.Monitoring;

namespace Playout.Server.Amcp;

/// <summary>
/// The AMCP server (docs/AMCP.md), CasparCG's control protocol over TCP. Closed by default: off until a configuration
/// turns it on (the demo's does), then on loopback only; AMCP has no authentication, so listening beyond this machine
/// needs an explicit <see cref="AllowRemote"/>.
/// </summary>
public sealed record AmcpConfig
{
    public bool Enabled { get; init; }

    /// <summary>IP:PORT the server listens on; 5250 is CasparCG's port.</summary>
    public string Listen { get; init; } = "127.0.0.1:5250";

    /// <summary>Lets <see cref="Listen"/> be an address beyond this machine (anyone who reaches it controls the channels).</summary>
    public bool AllowRemote { get; init; }

    /// <summary>Lines a connection may have waiting; one more is answered 504 (CasparCG's queue holds 128).</summary>
    public int QueueLength { get; init; } = 128;

    /// <summary>
    /// The network protocols <c>ADD c STREAM url</c> may send a channel's programme over (udp, srt, rtmp…); empty, the
    /// default, turns ADD and REMOVE off. Files are never written through AMCP.
    /// </summary>
    public IReadOnlyList<string> OutputProtocols { get; init; } = [];

    /// <summary>CasparCG's OSC status out, off by default.</summary>
    public AmcpOscConfig Osc { get; init; } = new();

    internal IPEndPoint ListenEndPoint => SnmpConfig.ParseEndPoint(Listen)!;

    internal void Validate(string where, ConfigProblems problems)
    {
        if (SnmpConfig.ParseEndPoint(Listen) is not { } listen)
            problems.Add($"{where}.listen", $"'{Listen}' is not an address to listen on (IP:PORT, such as 127.0.0.1:5250; port 1-65535)");
        else if (!IPAddress.IsLoopback(listen.Address) && !AllowRemote)
            problems.Add($"{where}.listen", $"{Listen} is beyond this machine and AMCP has no authentication; set {where}.allowRemote to true to allow it");
        if (QueueLength is < 1 or > 100_000)
            problems.Add($"{where}.queueLength", $"1 to 100000; got {QueueLength}");
        for (int i = 0; i < OutputProtocols.Count; i++)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(OutputProtocols[i], "^[a-z][a-z0-9+.-]*$") || OutputProtocols[i] == "file")
                problems.Add($"{where}.outputProtocols[{i}]", $"'{OutputProtocols[i]}' is not a network protocol name (udp, srt, rtmp, …; files are not written through AMCP)");
        }
        for (int i = 0; i < Osc.Targets.Count; i++)
        {
            if (SnmpConfig.ParseEndPoint(Osc.Targets[i]) is null)
                problems.Add($"{where}.osc.targets[{i}]", $"'{Osc.Targets[i]}' is not an address to send to (IP:PORT, such as 127.0.0.1:6250; port 1-65535)");
        }
    }
}
