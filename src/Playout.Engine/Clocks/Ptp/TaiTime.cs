namespace Playout.Engine.Clocks.Ptp;

/// <summary>A time source whose "UTC" is TAI, PTP's time scale: the machine's UTC plus TAI − UTC as PTP last said it.</summary>
internal sealed class TaiTime(ITimeSource utc, Func<int> utcOffset) : ITimeSource
{
    public long Timestamp() => utc.Timestamp();
    public DateTimeOffset UtcNow() => utc.UtcNow().AddSeconds(utcOffset());
    public void WaitUntil(long timestamp) => utc.WaitUntil(timestamp);
    public bool IsMachineTimer => utc.IsMachineTimer;
}
