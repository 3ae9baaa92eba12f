namespace Playout.Snmp.Agent;

/// <summary>
/// The SNMPv2-MIB snmp group counters (RFC 3418 §2: 1.3.6.1.2.1.11), shared by the agent and its security
/// models. Counter32 semantics: they wrap, so they are kept as uint and incremented atomically.
/// </summary>
public sealed class AgentCounters
{
    private uint _inPkts, _outPkts, _inBadVersions, _inBadCommunityNames, _inBadCommunityUses, _inAsnParseErrs, _silentDrops;

    public uint InPkts => Volatile.Read(ref _inPkts);
    public uint OutPkts => Volatile.Read(ref _outPkts);
    public uint InBadVersions => Volatile.Read(ref _inBadVersions);
    public uint InBadCommunityNames => Volatile.Read(ref _inBadCommunityNames);
    public uint InBadCommunityUses => Volatile.Read(ref _inBadCommunityUses);
    public uint InAsnParseErrs => Volatile.Read(ref _inAsnParseErrs);
    public uint SilentDrops => Volatile.Read(ref _silentDrops);

    public void CountInPkt() => Interlocked.Increment(ref _inPkts);
    public void CountOutPkt() => Interlocked.Increment(ref _outPkts);
    public void CountBadVersion() => Interlocked.Increment(ref _inBadVersions);
    public void CountBadCommunityName() => Interlocked.Increment(ref _inBadCommunityNames);
    public void CountBadCommunityUse() => Interlocked.Increment(ref _inBadCommunityUses);
    public void CountAsnParseErr() => Interlocked.Increment(ref _inAsnParseErrs);

    /// <summary>A response that would not fit even as an empty tooBig, so nothing was sent.</summary>
    public void CountSilentDrop() => Interlocked.Increment(ref _silentDrops);
}
