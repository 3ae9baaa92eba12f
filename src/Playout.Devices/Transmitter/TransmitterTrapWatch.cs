using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Playout.Snmp.Manager;

namespace Playout.Devices.Transmitter;

/// <summary>
/// The snmp-transmitter's trap listener (<c>trapListen</c>; none without it): a notification from the transmitter's address
/// wakes the poll at once; one from another address, with another community, or junk is logged once as a warning.
/// </summary>
internal sealed class TransmitterTrapWatch(string device, SnmpTransmitterSettings settings, ILogger logger, PollWake wake) : IAsyncDisposable
{
    /// <summary>Distinct ignored reports remembered; past that, a babbling peer's new ones are not logged either.</summary>
    private const int MaxReported = 100;

    private readonly HashSet<string> _reported = [];
    private SnmpTrapListener? _listener;

    /// <summary>
    /// Binds the port when the device starts, not when it opens: a configuration check opens devices while the service may
    /// hold the port. A port that cannot be bound leaves the device polling, and says so.
    /// </summary>
    public void Start()
    {
        if (settings.TrapListen is not { } listen || _listener is not null)
            return;
        try
        {
            _listener = new SnmpTrapListener(listen, settings.TrapCommunity, OnTrap, IgnoredOnce);
            _listener.Start();
        }
        catch (SocketException error)
        {
            logger.LogError("device {Device}: trapListen: cannot listen on {Listen}: {Error}; faults are seen at each poll only", device, listen, error.Message);
        }
    }

    /// <summary>A trap from the transmitter's address (any port) says something changed: poll now rather than at the next interval.</summary>
    private void OnTrap(ReceivedTrap trap)
    {
        if (trap.Sender.Address.Equals(settings.Address.Address))
        {
            logger.LogDebug("device {Device}: trap {Trap} from the transmitter, polling now", device, trap.TrapOid);
            wake.Wake();
        }
        else
            IgnoredOnce($"SNMP trap listener: ignored a trap from {trap.Sender.Address}, which is not the transmitter ({settings.Address.Address})");
    }

    /// <summary>The same report again is not logged: a peer sending the same junk cannot flood the log.</summary>
    private void IgnoredOnce(string report)
    {
        lock (_reported)
            if (_reported.Count >= MaxReported || !_reported.Add(report))
                return;
        logger.LogWarning("device {Device}: {Report}", device, report);
    }

    public async ValueTask DisposeAsync()
    {
        if (_listener is not null)
            await _listener.DisposeAsync().ConfigureAwait(false);
    }
}
