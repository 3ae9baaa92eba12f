namespace Playout.Snmp.Mib;

/// <summary>
/// One request's pass over the MIB: tables take their row snapshot once per request, so a GETBULK of
/// hundreds of bindings reads the service's state once, and every binding sees the same rows.
/// </summary>
public sealed class MibRequest(string principal)
{
    private readonly Dictionary<object, object> _snapshots = [];

    /// <summary>Who asked (for writes that record it, such as an alarm acknowledge).</summary>
    public string Principal { get; } = principal;

    internal T Snapshot<T>(object owner, Func<T> take) where T : class
    {
        if (_snapshots.TryGetValue(owner, out var taken)) return (T)taken;
        var snapshot = take();
        _snapshots[owner] = snapshot;
        return snapshot;
    }
}
