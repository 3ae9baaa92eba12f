using Playout.Automation.Schedules;

namespace Playout.Automation.Runtime;

/// <summary>A break is an event that takes the channel out of the network: it carries an SCTE-35 cue going out (an avail's start).</summary>
public static class Breaks
{
    public static bool IsBreak(PrimaryEvent e) => e.SecondaryEvents.Any(s => s.Kind == SecondaryKind.Scte35 && s.Scte35 is { OutOfNetwork: true });
}
