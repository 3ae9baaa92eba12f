namespace Playout.Engine.Channels;

/// <summary>
/// A title on air (<see cref="ChannelContext.OnAir"/>) and the tick its take applied at: outputs that date titles (HLS
/// date ranges) date them there, not at the frame they first see them (the automation notes a take a step after it).
/// </summary>
public sealed record OnAirTitle(string Title, long Tick);
