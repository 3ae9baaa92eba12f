using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Playout.Automation.Schedules;
using Playout.Engine.Consumers;
using Playout.Media.Scte35;

namespace Playout.Automation.Runtime;

/// <summary>
/// SCTE-35 secondary events into the channel's outputs that carry SCTE-35: each MPEG-TS output writes the section
/// <see cref="PreRoll"/> ahead of the splice frame, with that frame's PTS as the splice time (docs/SCTE35.md); an HLS
/// output lists it as an EXT-X-DATERANGE at the frame's date, an ST 2110-40 flow sends it as SCTE 104 (docs/DISTRIBUTION.md).
/// A cue's segmentation rides as a segmentation_descriptor in every one.
/// </summary>
public sealed class SpliceOutputs(IReadOnlyList<ISpliceOutput> outputs, ILogger logger) : IScte35Output
{
    /// <summary>How far ahead of the splice frame the section is sent (SCTE 67 recommends at least 4 s).</summary>
    public static readonly TimeSpan PreRoll = TimeSpan.FromSeconds(4);

    public void Cue(long spliceTick, Scte35Cue cue)
    {
        // The splice time is left immediate here: each output sets it to the PTS it writes for the splice frame.
        SpliceCommand command = cue.TimeSignal ? new TimeSignal(SpliceTime.Immediate)
            : new SpliceInsert(cue.EventId, cue.OutOfNetwork, SpliceTime.Immediate,
                cue.BreakDuration is { } duration ? BreakDuration.FromTimeSpan(duration, cue.AutoReturn) : null,
                cue.UniqueProgramId, cue.AvailNum, cue.AvailsExpected);
        ImmutableArray<byte> descriptors = [];
        if (cue.Segmentation is { } segmentation)
        {
            // Checked when the schedule was read; one made otherwise (a script's) that cannot be written goes without it.
            try
            {
                descriptors = [.. segmentation.Descriptor(cue).Encode()];
            }
            catch (Exception error) when (error is FormatException or ArgumentOutOfRangeException)
            {
                logger.LogWarning("SCTE-35 cue for tick {Tick}: its segmentation cannot be written ({Reason}); sent without it", spliceTick, error.Message);
            }
        }
        foreach (var output in outputs)
        {
            try
            {
                output.CueSplice(spliceTick, command, PreRoll, descriptors);
            }
            // One output that cannot carry the cue (its tick played out, a field out of its range, a command or descriptor it has
            // no form for) must not keep it from the others.
            catch (Exception error) when (error is ArgumentOutOfRangeException or NotSupportedException or FormatException)
            {
                logger.LogWarning("{Output}: SCTE-35 cue for tick {Tick} not sent: {Reason}", output.Name, spliceTick, error.Message);
            }
        }
    }
}
