namespace Playout.Media.Metadata;

/// <summary>
/// An event as a DVB EIT lists it: its name, when it starts (UTC) and for how long (null: not known).
/// </summary>
public sealed record DvbEvent(ushort EventId, string Name, DateTimeOffset Start, TimeSpan? Duration);
