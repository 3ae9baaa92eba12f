using Playout.Engine.Library;

namespace Playout.Automation.Schedules;

/// <summary>A catalogued file's length and radio markers, which lay out a clip the schedule gives no length.</summary>
public sealed record MediaTimes(TimeSpan Length, MediaMarkers? Markers = null)
{
    /// <summary>Where a clip without an in point starts in the file: its cue-in, else the start.</summary>
    public TimeSpan Start => Markers?.CueIn ?? TimeSpan.Zero;

    /// <summary>Where a clip without an out point or duration ends on air: its segue (the next item starts over its tail), else its cue-out, else the file's end.</summary>
    public TimeSpan End => Markers?.Segue ?? Markers?.CueOut ?? Length;
}
