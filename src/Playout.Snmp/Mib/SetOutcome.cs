using Playout.Snmp.Pdus;

namespace Playout.Snmp.Mib;

/// <summary>
/// The test phase's verdict on one SET binding: an error, or the commit to run once every binding has passed
/// its test (RFC 3416 §4.2.5). A commit returns false when it could not be carried out (commitFailed).
/// </summary>
public readonly struct SetOutcome
{
    private SetOutcome(ErrorStatus error, Func<bool>? commit) => (Error, Commit) = (error, commit);

    public static SetOutcome Fail(ErrorStatus error) => new(error, null);

    public static SetOutcome Ready(Func<bool> commit) => new(ErrorStatus.NoError, commit);

    public ErrorStatus Error { get; }

    public Func<bool>? Commit { get; }
}
