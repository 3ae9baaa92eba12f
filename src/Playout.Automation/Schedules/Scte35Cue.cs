namespace Playout.Automation.Schedules;

/// <summary>What an SCTE-35 secondary event signals.</summary>
/// <param name="EventId">splice_event_id of a splice_insert (ignored by a time_signal).</param>
/// <param name="OutOfNetwork">True: the start of a break (out); false: the return to the network (in).</param>
/// <param name="BreakDuration">The break's length for a splice_insert out (with <paramref name="AutoReturn"/>), or null.</param>
/// <param name="TimeSignal">Send a time_signal rather than a splice_insert.</param>
/// <param name="Segmentation">A segmentation_descriptor the section carries (what a time_signal marks), or null.</param>
public sealed record Scte35Cue(uint EventId, bool OutOfNetwork = true, TimeSpan? BreakDuration = null, bool AutoReturn = true,
    bool TimeSignal = false, ushort UniqueProgramId = 0, byte AvailNum = 0, byte AvailsExpected = 0, Scte35Segmentation? Segmentation = null);
