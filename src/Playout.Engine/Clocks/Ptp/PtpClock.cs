using Playout.Engine.Alarms;
using Playout.Media.Formats;

namespace Playout.Engine.Clocks.Ptp;

/// <summary>
/// Ticks on PTP time (SMPTE ST 2059): frame n of the timeline starts n frame periods after the SMPTE epoch, 1970-01-01
/// 00:00:00 TAI, so every node on the same PTP time starts the same frame at the same instant and stamps it with the same
/// RTP timestamps (<see cref="MediaEpochFrame"/>). It is a <see cref="SystemClock"/> on TAI (the system clock, which ptp4l and
/// phc2sys keep on PTP time, plus TAI − UTC). Once a second it asks the host's PTP daemon (<see cref="IPtpSource"/>) whether
/// it follows a grandmaster within <see cref="LockedWithin"/>: while not, the channel's clock alarm is up and the clock runs
/// on the system clock as it is, never stopping.
/// </summary>
public sealed class PtpClock : IChannelClock
{
    private readonly IPtpSource _ptp;
    private readonly SystemClock _tai;
    private readonly AlarmBoard? _alarms;
    private readonly string _alarmSource;
    private readonly int _domain;
    private readonly Timer _monitor;
    private volatile PtpStatus? _status;
    private volatile int _utcOffset;

    /// <param name="channel">The channel whose clock alarm (<see cref="ClockAlarms.Reference"/>) this raises.</param>
    /// <param name="time">The machine's time unless a test steps its own.</param>
    public PtpClock(Rational frameRate, IPtpSource ptp, int domain, TimeSpan lockedWithin, AlarmBoard? alarms = null, string channel = "",
        ITimeSource? time = null)
    {
        _ptp = ptp;
        _domain = domain;
        LockedWithin = lockedWithin;
        _alarms = alarms;
        _alarmSource = ClockAlarms.Reference(channel);
        Update(Ask());
        _tai = new SystemClock(frameRate, alarms, channel, new TaiTime(time ?? MachineTime.Instance, () => _utcOffset));
        _monitor = new Timer(_ => Update(Ask()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>The largest offset from the grandmaster that counts as locked.</summary>
    public TimeSpan LockedWithin { get; }

    /// <summary>What the PTP daemon said last; null when none answered.</summary>
    public PtpStatus? Status => _status;

    public string Source => _status switch
    {
        { GrandmasterPresent: true } s when IsLocked => $"ptp (grandmaster {s.GrandmasterEui64 ?? s.Grandmaster}, domain {_domain})",
        { GrandmasterPresent: true } s => $"system clock (ptp {s.OffsetNanoseconds} ns from grandmaster {s.GrandmasterEui64 ?? s.Grandmaster})",
        { } => "system clock (no ptp grandmaster)",
        null => "system clock (no ptp daemon)",
    };

    public bool IsLocked => _status is { GrandmasterPresent: true } s && Math.Abs(s.OffsetNanoseconds) <= LockedWithin.Ticks * 100;
    public long LateTicks => _tai.LateTicks;

    /// <summary>The UTC instant of frame 0: the TAI frame start less TAI − UTC.</summary>
    public DateTimeOffset Epoch => _tai.Epoch.AddSeconds(-_utcOffset);

    /// <summary>Frames from the SMPTE epoch (1970-01-01 TAI) to frame 0.</summary>
    public long MediaEpochFrame => _tai.MediaEpochFrame;

    /// <summary>ST 2110-10's <c>ts-refclk</c>: the grandmaster and domain while locked, else the host's own clock.</summary>
    public string ReferenceClock => IsLocked && _status?.GrandmasterEui64 is { } gm ? $"ptp=IEEE1588-2008:{gm}:{_domain}" : "local";

    public ClockTick WaitNextTick() => _tai.WaitNextTick();

    public long? FrameTimestamp(long frame) => _tai.FrameTimestamp(frame);

    public void Dispose()
    {
        _monitor.Dispose();
        _tai.Dispose();
    }

    /// <summary>The daemon's state; a query that throws counts as no daemon (the timer's thread must not end the service).</summary>
    private PtpStatus? Ask()
    {
        try
        {
            return _ptp.Query();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return null;
        }
    }

    private void Update(PtpStatus? status)
    {
        _status = status;
        _utcOffset = status?.UtcOffset ?? PtpStatus.DefaultUtcOffset;
        if (_alarms is null)
            return;
        if (IsLocked)
            _alarms.Clear(_alarmSource);
        else if (!_alarms.IsActive(_alarmSource))
            _alarms.Raise(_alarmSource, AlarmSeverity.Major, $"not locked to PTP: {Source}; frames follow the system clock");
    }
}
