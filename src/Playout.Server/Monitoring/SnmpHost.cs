using System.Net.Sockets;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Playout.Engine.Alarms;
using Playout.Server.Hosting;
using Playout.Snmp.Agent;
using Playout.Snmp.Mib;
using Playout.Snmp.Notifications;
using Playout.Snmp.PlayoutMib;
using Playout.Snmp.Security;

namespace Playout.Server.Monitoring;

/// <summary>
/// The service's SNMP agent (PLAYOUT-MIB over the channels and the alarm board) and its notifications: a trap or
/// inform to every configured manager on each alarm raise, clear and acknowledge, and when a channel's state changes.
/// </summary>
internal sealed class SnmpHost : IAsyncDisposable
{
    /// <summary>How often channel states are compared for channelStateChanged.</summary>
    private static readonly TimeSpan StatePoll = TimeSpan.FromSeconds(1);

    private readonly SnmpAgent _agent;
    private readonly NotificationSender _sender;
    private readonly IDisposable _alarmEvents;
    private readonly ITimer _statePoll;
    private readonly PlayoutMibAdapter _source;
    private readonly PlayoutNotifications _notifications;
    private readonly ILogger _log;
    private readonly Dictionary<uint, ChannelState> _states = [];

    private SnmpHost(SnmpAgent agent, NotificationSender sender, PlayoutMibAdapter source, PlayoutNotifications notifications, AlarmBoard alarms, ILogger log)
    {
        (_agent, _sender, _source, _notifications, _log) = (agent, sender, source, notifications, log);
        _alarmEvents = alarms.Subscribe(Notify);
        _statePoll = TimeProvider.System.CreateTimer(_ => PollStates(), null, StatePoll, StatePoll);
    }

    public int Port => _agent.LocalEndPoint.Port;

    public NotificationCounters Notifications => _sender.Counters;

    /// <summary>Shows <paramref name="channels"/> in PLAYOUT-MIB: called once they are all on air.</summary>
    public void OnAir(IEnumerable<ChannelRuntime> channels) => _source.OnAir(channels);

    /// <summary>Lists the service's devices in deviceTable.</summary>
    public void Watch(Devices.DeviceRegistry devices) => _source.Watch(devices);

    /// <summary>Lists the transmitter pairs in txPairTable (txPairOnAir sets change over) and sends txPairChangeover on each changeover.</summary>
    public void Watch(IReadOnlyList<Devices.Redundancy.TransmitterPair> pairs)
    {
        _source.Watch(pairs, _log);
        foreach (var (pair, index) in pairs.Select((p, i) => (p, (uint)(i + 1))))
            pair.ChangedOver += _ => _sender.Send(_notifications.TxPairChangeover(PlayoutMibAdapter.Row(index, pair.Status())));
    }

    /// <summary>Starts the agent as <paramref name="config"/>'s "snmp" section says (with no channel until <see cref="OnAir"/>), or returns null when it is disabled.</summary>
    /// <exception cref="ConfigException">The address to listen on cannot be used.</exception>
    public static SnmpHost? Start(ServiceConfig config, string configPath, AlarmBoard alarms, ILogger log)
    {
        var snmp = config.Snmp;
        if (!snmp.Enabled) return null;
        var version = typeof(SnmpHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var oids = new PlayoutMibOids(snmp.EnterpriseOid);
        var source = new PlayoutMibAdapter(config, alarms, version);
        var maxMessageSize = new SnmpAgentOptions().MaxMessageSize;
        // The engine ID and boot count are kept in the state folder (SNMPv3 needs them; v2c shows them in snmpEngine).
        var usm = UsmSetup.Build(snmp.Usm, config.StatePath, oids.Root[6], maxMessageSize, line => log.LogInformation("{Line}", line));
        var options = AgentOptions(snmp, usm, maxMessageSize);
        var counters = new AgentCounters();
        var upTime = new UpTime();
        var tree = new MibTree();
        var system = new SystemInfo($"Playout {version}, broadcast playout service", oids.Server, snmp.Contact,
            string.IsNullOrEmpty(snmp.Name) ? Environment.MachineName : snmp.Name, snmp.Location);
        StandardGroups.Register(tree, system, counters, usm.Engine, upTime);
        usm.Counters.Register(tree);
        PlayoutMibObjects.Register(tree, oids, source);
        SnmpAgent agent;
        try
        {
            agent = new SnmpAgent(options, tree, counters, usm.Model is { } v3 ? [v3] : [], report => log.LogWarning("{Report}", report));
        }
        catch (SocketException error)
        {
            throw ListenFailure(snmp, configPath, error);
        }
        var targets = snmp.Managers.Select(m => new NotificationTarget(m.Address, m.EndPoint,
            m.User is { } user ? usm.NotificationSecurity(m.Address, user, line => log.LogWarning("{Line}", line)) : new CommunityNotificationSecurity(m.Community),
            m.Inform));
        var sender = new NotificationSender(targets, upTime, new NotificationOptions
        {
            InformTimeout = TimeSpan.FromSeconds(snmp.InformTimeoutSeconds),
            InformRetries = snmp.InformRetries,
        }, report => log.LogWarning("{Report}", report));
        agent.Start();
        log.LogInformation("SNMP agent on udp {Listen} (PLAYOUT-MIB under {Enterprise}; SNMPv3 users: {Users}); {Managers} notification managers",
            agent.LocalEndPoint, oids.Root, usm.Users.Count, snmp.Managers.Count);
        return new SnmpHost(agent, sender, source, new PlayoutNotifications(oids), alarms, log);
    }

    /// <summary>The agent's address, communities (with their views) and limits.</summary>
    private static SnmpAgentOptions AgentOptions(SnmpConfig snmp, UsmSetup usm, int maxMessageSize) => new()
    {
        Address = snmp.ListenEndPoint.Address,
        Port = snmp.ListenEndPoint.Port,
        Communities = new CommunityOptions
        {
            ReadCommunity = snmp.ReadCommunity,
            WriteCommunity = snmp.WriteCommunity,
            ReadAccess = snmp.ReadCommunityView is { } read ? usm.CommunityAccess(snmp.ReadCommunity, read, null) : null,
            WriteAccess = snmp.WriteCommunityView is { } write ? usm.CommunityAccess(snmp.WriteCommunity ?? "", write, write) : null,
        },
        MaxMessageSize = maxMessageSize,
        MaxRepetitions = snmp.MaxRepetitions,
    };

    private static ConfigException ListenFailure(SnmpConfig snmp, string configPath, SocketException error)
    {
        var reason = error.SocketErrorCode switch
        {
            SocketError.AddressAlreadyInUse => "is in use (another playout or snmpd?)",
            SocketError.AccessDenied => "may not be used by this user (a port below 1024?)",
            SocketError.AddressNotAvailable => "is not an address of this machine",
            _ => $"cannot be listened on ({error.Message})",
        };
        return new ConfigException($"snmp.listen {snmp.Listen} {reason}; change \"snmp.listen\" in {configPath}");
    }

    private void Notify(AlarmEvent change)
    {
        var row = PlayoutMibAdapter.Row(change.Alarm);
        if (!PlayoutMibObjects.HasIndex(row)) return;
        _sender.Send(change.Kind switch
        {
            AlarmEventKind.Raised => _notifications.AlarmRaised(row),
            AlarmEventKind.Cleared => _notifications.AlarmCleared(row),
            _ => _notifications.AlarmAcknowledged(row),
        });
    }

    /// <summary>Sends channelStateChanged for each channel whose state differs from the last poll (the first sighting sets the baseline).</summary>
    private void PollStates()
    {
        try
        {
            lock (_states)
            {
                foreach (var channel in _source.Channels())
                {
                    if (_states.TryGetValue(channel.Index, out var before) && before != channel.State) _sender.Send(_notifications.ChannelStateChanged(channel));
                    _states[channel.Index] = channel.State;
                }
            }
        }
        catch (Exception error)
        {
            _log.LogWarning(error, "SNMP: reading channel states failed");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _statePoll.DisposeAsync();
        _alarmEvents.Dispose();
        await _agent.DisposeAsync();
        await _sender.DisposeAsync();
    }
}
