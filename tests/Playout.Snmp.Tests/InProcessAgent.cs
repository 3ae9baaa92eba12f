using System.Net;
using Playout.Snmp.Agent;
using Playout.Snmp.Messages;
using Playout.Snmp.Mib;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Tests;

/// <summary>The agent's whole pipeline without the socket: bytes in, bytes out.</summary>
internal sealed class InProcessAgent
{
    public static readonly IPEndPoint Peer = new(IPAddress.Loopback, 40000);

    public InProcessAgent(Action<MibTree>? register = null, SnmpAgentOptions? options = null)
    {
        options ??= new SnmpAgentOptions();
        var tree = new MibTree();
        StandardGroups.Register(tree, TestAgent.System, Counters, new VolatileEngine(32473, options.MaxMessageSize), new UpTime());
        register?.Invoke(tree);
        Processor = MessageProcessor.ForAgent(options, tree, Counters, []);
    }

    public AgentCounters Counters { get; } = new();

    public MessageProcessor Processor { get; }

    /// <summary>The answer to <paramref name="request"/> under <paramref name="community"/>, null when the agent sent nothing.</summary>
    public Pdu? Ask(Pdu request, string community = "public") => AskRaw(request, community) is { } reply ? CommunityMessage.Decode(reply).Pdu : null;

    public byte[]? AskRaw(Pdu request, string community = "public") =>
        Processor.Process(new CommunityMessage(SnmpVersion.V2c, System.Text.Encoding.UTF8.GetBytes(community), request).Encode(), Peer);
}
