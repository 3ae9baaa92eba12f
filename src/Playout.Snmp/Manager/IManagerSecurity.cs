using Playout.Snmp.Pdus;

namespace Playout.Snmp.Manager;

/// <summary>How a manager's requests are wrapped and the agent's datagrams read: v2c communities or SNMPv3 USM.</summary>
internal interface IManagerSecurity
{
    /// <summary>A fresh datagram for <paramref name="request"/> (a SET when <paramref name="write"/>); SNMPv3 may give a discovery probe first.</summary>
    byte[] Wrap(Pdu request, bool write);

    /// <summary>What <paramref name="datagram"/> from the agent is to the request last wrapped; never throws on junk.</summary>
    ManagerReply Read(ReadOnlyMemory<byte> datagram, int requestId);

    /// <summary>What an unanswered request may mean beyond a silent agent (appended to the timeout's message), or "".</summary>
    string Unanswered { get; }
}

/// <summary>The verdict on one datagram from the agent.</summary>
internal abstract record ManagerReply
{
    private ManagerReply() { }

    /// <summary>The awaited response.</summary>
    public sealed record Answer(Pdu Pdu) : ManagerReply;

    /// <summary>Not for this request (junk, another request-id, another community): reported, and the wait goes on.</summary>
    public sealed record Skip(string Why) : ManagerReply;

    /// <summary>Something was learnt (the engine, its clock): wrap the request again and send it at once.</summary>
    public sealed record Again : ManagerReply;

    /// <summary>The agent refused the request: it fails with <paramref name="Why"/>.</summary>
    public sealed record Refused(string Why) : ManagerReply;
}
