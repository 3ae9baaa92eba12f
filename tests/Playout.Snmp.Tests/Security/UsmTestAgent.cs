using System.Net;
using Playout.Snmp.Agent;
using Playout.Snmp.Data;
using Playout.Snmp.Mib;
using Playout.Snmp.Pdus;
using Playout.Snmp.Security;

namespace Playout.Snmp.Tests.Security;

/// <summary>
/// The real agent on a free loopback port with the USM model beside v2c: the standard groups over a
/// <see cref="PersistentEngine"/>, the USM statistics, and one enterprise scalar for views to hide.
/// </summary>
internal sealed class UsmTestAgent : IAsyncDisposable
{
    public static readonly Oid SysDescr = Oid.Parse("1.3.6.1.2.1.1.1.0");
    public static readonly Oid SysName = Oid.Parse("1.3.6.1.2.1.1.5.0");
    public static readonly Oid Product = Oid.Parse("1.3.6.1.4.1.32473.1.1");
    public static readonly Oid Note = Oid.Parse("1.3.6.1.4.1.32473.1.2");

    private readonly SnmpAgent _agent;

    public UsmTestAgent(UsmSecurityModel model, ISnmpEngine engine, CommunityOptions? communities = null)
    {
        Model = model;
        Tree = Mib(model, engine, Counters);
        Tree.Register(new MibScalar(Note, () => new OctetString(_note.Written.Text), _note.Write));
        _agent = new SnmpAgent(new SnmpAgentOptions { Port = 0, Communities = communities ?? new() }, Tree, Counters, [model], _ => { });
        _agent.Start();
    }

    public static UsmTestAgent Start()
    {
        var engine = UsmFixtures.Engine();
        return new UsmTestAgent(new UsmSecurityModel(engine, UsmFixtures.Users(UsmFixtures.EngineId)), engine);
    }

    public UsmSecurityModel Model { get; }

    public MibTree Tree { get; }

    public AgentCounters Counters { get; } = new();

    public int Port => _agent.LocalEndPoint.Port;

    /// <summary>What the writable test object holds and who wrote it last.</summary>
    public (string Text, string By) Written => _note.Written;

    private readonly NoteObject _note = new();

    public static MibTree Mib(UsmSecurityModel model, ISnmpEngine engine, AgentCounters counters)
    {
        var tree = new MibTree();
        StandardGroups.Register(tree, TestAgent.System, counters, engine, new UpTime());
        model.Counters.Register(tree);
        tree.Register(new MibScalar(Product, () => new OctetString("Playout"u8)));
        return tree;
    }

    public ValueTask DisposeAsync() => _agent.DisposeAsync();

    /// <summary>A writable OCTET STRING that remembers its writer's principal.</summary>
    private sealed class NoteObject
    {
        public (string Text, string By) Written { get; private set; } = ("", "");

        public ScalarWrite Write => new(
            value => value is OctetString ? ErrorStatus.NoError : ErrorStatus.WrongType,
            (value, request) =>
            {
                Written = (System.Text.Encoding.UTF8.GetString(((OctetString)value).Bytes), request.Principal);
                return true;
            });
    }
}
