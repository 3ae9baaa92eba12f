using Playout.Snmp.Agent;
using Playout.Snmp.Data;
using Playout.Snmp.Mib;
using Playout.Snmp.Security;

namespace Playout.Snmp.Tests;

/// <summary>An agent on a free loopback port with the standard groups, for tests to talk to.</summary>
internal sealed class TestAgent : IAsyncDisposable
{
    public static readonly SystemInfo System = new("Playout test agent", Oid.Parse("1.3.6.1.4.1.32473.1"), "ops@example.org", "playout-test", "test rack");

    private TestAgent(SnmpAgent agent, AgentCounters counters, List<string> reports)
    {
        Agent = agent;
        Counters = counters;
        Reports = reports;
    }

    public SnmpAgent Agent { get; }

    public AgentCounters Counters { get; }

    public List<string> Reports { get; }

    public int Port => Agent.LocalEndPoint.Port;

    public static TestAgent Start(Action<MibTree>? register = null, SnmpAgentOptions? options = null)
    {
        options ??= new SnmpAgentOptions();
        options = options with { Port = 0 };
        var counters = new AgentCounters();
        var tree = new MibTree();
        StandardGroups.Register(tree, System, counters, new VolatileEngine(32473, options.MaxMessageSize), new UpTime());
        register?.Invoke(tree);
        var reports = new List<string>();
        var agent = new SnmpAgent(options, tree, counters, [], report => { lock (reports) reports.Add(report); });
        agent.Start();
        return new TestAgent(agent, counters, reports);
    }

    public ValueTask DisposeAsync() => Agent.DisposeAsync();
}
