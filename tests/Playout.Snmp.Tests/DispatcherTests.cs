using Playout.Snmp.Agent;
using Playout.Snmp.Data;
using Playout.Snmp.Mib;
using Playout.Snmp.Pdus;
using Playout.Snmp.Security;

namespace Playout.Snmp.Tests;

public class DispatcherTests
{
    private static readonly Oid Entry = Oid.Parse("1.3.6.1.4.1.32473.9.1.1");
    private static readonly Oid SysName = Oid.Parse("1.3.6.1.2.1.1.5.0");

    /// <summary>A table of <paramref name="rows"/> rows (index 1..rows) with columns 2 ("a{i}") and 3 (i * 10).</summary>
    private static Action<MibTree> Table(int rows, Func<int, SnmpValue>? columnTwo = null) => tree => tree.Register(new MibTable<int>(Entry,
        () => Enumerable.Range(1, rows).Reverse(), i => new Oid([(uint)i]),
        [new MibColumn<int>(2, i => columnTwo?.Invoke(i) ?? new OctetString($"a{i}")), new MibColumn<int>(3, i => new Integer32(i * 10))]));

    private static VarBind Bind(string oid) => new(Oid.Parse(oid));

    [Fact]
    public void Getbulk_answers_non_repeaters_once_then_the_repeaters_row_major()
    {
        var agent = new InProcessAgent(Table(3));
        var response = agent.Ask(Pdu.Bulk(1, 1, 3, Bind("1.3.6.1.2.1.1.4.0"), new VarBind(Entry.Append(2)), new VarBind(Entry.Append(3))))!;
        Assert.Equal(ErrorStatus.NoError, response.ErrorStatus);
        Assert.Equal(
            [SysName, Entry.Append(2, 1), Entry.Append(3, 1), Entry.Append(2, 2), Entry.Append(3, 2), Entry.Append(2, 3), Entry.Append(3, 3)],
            response.VarBinds.Select(vb => vb.Oid));
        Assert.Equal(new Integer32(30), response.VarBinds[^1].Value);
    }

    [Fact]
    public void Getbulk_repeaters_that_run_off_the_mib_repeat_endOfMibView_and_stop_once_all_have()
    {
        var tree = new MibTree();
        Table(2)(tree);
        var context = new RequestContext("tester", AccessView.ReadOnly, 65507, InProcessAgent.Peer);
        var response = new Dispatcher(tree, 10).Handle(Pdu.Bulk(1, 0, 10, new VarBind(Entry.Append(3, 1)), new VarBind(Entry.Append(3))), context);
        // The table is the whole MIB here. Repetition 1: (3.2, 3.1); 2: (end, 3.2); 3: (end, end) and no further.
        Assert.Equal(6, response.VarBinds.Count);
        Assert.Equal(Entry.Append(3, 2), response.VarBinds[0].Oid);
        Assert.Same(Null.EndOfMibView, response.VarBinds[2].Value);
        Assert.Equal(Entry.Append(3, 2), response.VarBinds[2].Oid);
        Assert.Equal(Entry.Append(3, 2), response.VarBinds[3].Oid);
        Assert.All(response.VarBinds.Skip(4), vb => Assert.Same(Null.EndOfMibView, vb.Value));
    }

    [Fact]
    public void Getbulk_max_repetitions_is_capped()
    {
        var agent = new InProcessAgent(Table(500), new SnmpAgentOptions { MaxRepetitions = 20 });
        var response = agent.Ask(Pdu.Bulk(1, 0, 10_000, new VarBind(Entry)))!;
        Assert.Equal(20, response.VarBinds.Count);
        Assert.Equal(Entry.Append(2, 20), response.VarBinds[^1].Oid);
    }

    [Fact]
    public void Getbulk_too_big_for_the_message_size_is_trimmed_from_its_end_and_still_fits()
    {
        var options = new SnmpAgentOptions { MaxMessageSize = 484 };
        var agent = new InProcessAgent(Table(100), options);
        var raw = agent.AskRaw(Pdu.Bulk(1, 0, 64, new VarBind(Entry)))!;
        Assert.InRange(raw.Length, 400, 484);
        var response = Messages.CommunityMessage.Decode(raw).Pdu;
        Assert.Equal(ErrorStatus.NoError, response.ErrorStatus);
        Assert.InRange(response.VarBinds.Count, 10, 63);
        // The bindings kept are the first ones, in order.
        Assert.Equal(Enumerable.Range(1, response.VarBinds.Count).Select(i => Entry.Append(2, (uint)i)), response.VarBinds.Select(vb => vb.Oid));
    }

    [Fact]
    public void A_response_that_cannot_fit_is_tooBig_with_no_bindings_and_silence_when_even_that_cannot()
    {
        var huge = new OctetString(new string('x', 1000));
        var agent = new InProcessAgent(Table(1, _ => huge), new SnmpAgentOptions { MaxMessageSize = 484 });
        var get = agent.Ask(Pdu.Request(PduType.Get, 9, new VarBind(Entry.Append(2, 1)), Bind("1.3.6.1.2.1.1.5.0")))!;
        Assert.Equal(ErrorStatus.TooBig, get.ErrorStatus);
        Assert.Equal(0, get.ErrorIndex);
        Assert.Empty(get.VarBinds);
        var bulk = agent.Ask(Pdu.Bulk(10, 0, 5, new VarBind(Entry)))!;
        Assert.Equal(ErrorStatus.TooBig, bulk.ErrorStatus);
        Assert.Empty(bulk.VarBinds);

        var tiny = new InProcessAgent(Table(1, _ => huge), new SnmpAgentOptions { MaxMessageSize = 20 });
        Assert.Null(tiny.AskRaw(Pdu.Request(PduType.Get, 9, new VarBind(Entry.Append(2, 1)))));
        Assert.Equal(1u, tiny.Counters.SilentDrops);
    }

    [Fact]
    public void Getnext_walks_a_table_column_by_column_then_leaves_it_for_the_next_subtree()
    {
        var agent = new InProcessAgent(Table(2));
        var oid = Entry;
        var walked = new List<Oid>();
        for (var i = 0; i < 5; i++)
        {
            var next = agent.Ask(Pdu.Request(PduType.GetNext, i, new VarBind(oid)))!.VarBinds[0];
            walked.Add(oid = next.Oid);
        }
        Assert.Equal([Entry.Append(2, 1), Entry.Append(2, 2), Entry.Append(3, 1), Entry.Append(3, 2), Oid.Parse("1.3.6.1.6.3.10.2.1.1.0")], walked);
        var end = agent.Ask(Pdu.Request(PduType.GetNext, 9, Bind("1.3.6.1.6.3.10.2.1.4.0")))!.VarBinds[0];
        Assert.Same(Null.EndOfMibView, end.Value);
    }

    [Fact]
    public void Get_tells_a_missing_object_from_a_missing_instance()
    {
        var agent = new InProcessAgent(Table(2));
        var response = agent.Ask(Pdu.Request(PduType.Get, 1, new VarBind(Entry.Append(2, 9)), new VarBind(Entry.Append(7, 1)), Bind("1.3.6.1.2.1.1.5.1"), Bind("1.2.3")))!;
        Assert.Equal([Null.NoSuchInstance, Null.NoSuchObject, Null.NoSuchInstance, Null.NoSuchObject], response.VarBinds.Select(vb => vb.Value));
    }

    [Fact]
    public void A_failing_provider_answers_genErr_naming_its_binding()
    {
        var agent = new InProcessAgent(Table(2, _ => throw new InvalidOperationException("state unavailable")));
        var response = agent.Ask(Pdu.Request(PduType.Get, 1, Bind("1.3.6.1.2.1.1.5.0"), new VarBind(Entry.Append(2, 1))))!;
        Assert.Equal(ErrorStatus.GenErr, response.ErrorStatus);
        Assert.Equal(2, response.ErrorIndex);
        // The agent still answers afterwards.
        Assert.Equal(ErrorStatus.NoError, agent.Ask(Pdu.Request(PduType.Get, 2, Bind("1.3.6.1.2.1.1.5.0")))!.ErrorStatus);
    }

    [Fact]
    public void A_view_hides_instances_from_get_and_getnext_and_refuses_writes_outside_it()
    {
        var tree = new MibTree();
        Table(2)(tree);
        var dispatcher = new Dispatcher(tree, 10);
        var context = new RequestContext("tester", new ColumnThreeHidden(), 65507, InProcessAgent.Peer);
        var get = dispatcher.Handle(Pdu.Request(PduType.Get, 1, new VarBind(Entry.Append(3, 1))), context);
        Assert.Same(Null.NoSuchObject, get.VarBinds[0].Value);
        var next = dispatcher.Handle(Pdu.Request(PduType.GetNext, 1, new VarBind(Entry.Append(2, 2))), context);
        Assert.Same(Null.EndOfMibView, next.VarBinds[0].Value);
        var set = dispatcher.Handle(Pdu.Request(PduType.Set, 1, new VarBind(Entry.Append(3, 1), new Integer32(1))), context);
        Assert.Equal(ErrorStatus.NoAccess, set.ErrorStatus);
    }

    [Theory]
    [InlineData(Messages.SnmpVersion.V1)]
    [InlineData(Messages.SnmpVersion.V3)]
    [InlineData((Messages.SnmpVersion)2)]
    public void Versions_without_a_model_are_dropped_and_counted_in_snmpInBadVersions(Messages.SnmpVersion version)
    {
        var agent = new InProcessAgent();
        var datagram = new Messages.CommunityMessage(version, "public"u8.ToArray(), Pdu.Request(PduType.Get, 1, Bind("1.3.6.1.2.1.1.5.0"))).Encode();
        Assert.Null(agent.Processor.Process(datagram, InProcessAgent.Peer));
        Assert.Equal(1u, agent.Counters.InBadVersions);
        var counted = agent.Ask(Pdu.Request(PduType.Get, 2, Bind("1.3.6.1.2.1.11.3.0")))!;
        Assert.Equal(new Counter32(1), counted.VarBinds[0].Value);
    }

    [Fact]
    public void Traps_and_responses_sent_to_the_agent_are_dropped()
    {
        var agent = new InProcessAgent();
        Assert.Null(agent.AskRaw(Pdu.Request(PduType.SnmpV2Trap, 1, Bind("1.3.6.1.2.1.1.3.0"))));
        Assert.Null(agent.AskRaw(Pdu.Request(PduType.Response, 1, Bind("1.3.6.1.2.1.1.3.0"))));
        Assert.Equal(0u, agent.Counters.OutPkts);
        Assert.Equal(2u, agent.Counters.InPkts);
    }

    private sealed class ColumnThreeHidden : IAccessView
    {
        public bool CanRead(Oid instance) => !instance.StartsWith(Entry.Append(3));

        public bool CanWrite(Oid instance) => CanRead(instance);
    }
}
