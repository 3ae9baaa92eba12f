namespace Playout.Snmp.Tests.Security;

/// <summary>A clock that moves only when told, for engine times the tests choose.</summary>
internal sealed class ManualClock : TimeProvider
{
    private long _now;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _now, (long)(by.TotalSeconds * TimestampFrequency));

    public override long GetTimestamp() => Interlocked.Read(ref _now);

    public override long TimestampFrequency => 1_000_000;
}
