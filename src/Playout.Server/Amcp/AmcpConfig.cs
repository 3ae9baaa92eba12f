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

    internal IPEndPoint ListenEndPoint => SnmpConfig.ParseEndPoint(Listen)!;

    internal void Validate(string where, ConfigProblems problems)
    {
        if (SnmpConfig.ParseEndPoint(Listen) is not { } listen)
            problems.Add($"{where}.listen", $"'{Listen}' is not an address to listen on (IP:PORT, such as 127.0.0.1:5250; port 1-65535)");
        else if (!IPAddress.IsLoopback(listen.Address) && !AllowRemote)
            problems.Add($"{where}.listen", $"{Listen} is beyond this machine and AMCP has no authentication; set {where}.allowRemote to true to allow it");
        if (QueueLength is < 1 or > 100_000)
            problems.Add($"{where}.queueLength", $"1 to 100000; got {QueueLength}");
    }
}
