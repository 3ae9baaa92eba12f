namespace Playout.Engine.Clocks;

/// <summary>
/// What a channel ticks on: one call per frame, blocking until that frame is due. A clock keeps a timeline: frame n of the
/// reference airs at <see cref="Epoch"/> + n frame periods, so a late tick never shifts the frames after it.
/// </summary>
public interface IChannelClock : IDisposable
{
    /// <summary>What the clock follows now, e.g. "genlock (hw-sim card 0)" or "system clock".</summary>
    string Source { get; }

    /// <summary>True while the clock follows an external reference (genlock).</summary>
    bool IsLocked { get; }

    /// <summary>Ticks that came later than their due time (the tick loop overran, or syncs were missed).</summary>
    long LateTicks { get; }

    /// <summary>Whether ticks wait for real time (the tick thread is then raised above the service's other threads); false for a clock that runs as fast as it can.</summary>
    bool RealTime => true;

    /// <summary>The UTC instant of frame 0 on the clock's timeline (chosen when the clock is made): frame n airs n frame periods later.</summary>
    DateTimeOffset Epoch { get; }

    /// <summary>
    /// Frames of the media clock before frame 0: frame n of the timeline is frame <c>MediaEpochFrame + n</c> counted from
    /// 1970-01-01 on the clock's time scale (TAI for PTP, UTC for the system clock), as RTP timestamps count them
    /// (SMPTE ST 2059-1); 0 for a clock without one.
    /// </summary>
    long MediaEpochFrame => 0;

    /// <summary>
    /// When frame <paramref name="frame"/> of the timeline begins, as a <see cref="System.Diagnostics.Stopwatch"/> timestamp,
    /// for outputs that time their packets on it (ST 2110); null for a clock whose frames keep no time on the machine's timer
    /// (one that runs as fast as it can, a simulated one, a card's syncs).
    /// </summary>
    long? FrameTimestamp(long frame) => null;

    /// <summary>What an SDP says of the clock RTP timestamps follow (ST 2110-10's <c>ts-refclk</c>): "local", or the PTP grandmaster's.</summary>
    string ReferenceClock => "local";

    /// <summary>
    /// Blocks until the next tick is due and returns its frame number and deadline: the
    /// <see cref="System.Diagnostics.Stopwatch"/> timestamp by which producers must have delivered (they wait no longer than this).
    /// A tick that comes a whole frame or more late is the reference's current frame: the frames in between are skipped.
    /// </summary>
    ClockTick WaitNextTick();
}
