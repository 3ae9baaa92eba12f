namespace Playout.Automation.Schedules;

/// <summary>
/// An action tied to a primary event, at <paramref name="Offset"/> from its start or end (negative: before).
/// Each kind reads the fields it needs; validation names any that are missing.
/// </summary>
/// <param name="Layer">The graphics layer (logo, graphics take); defaults to the schedule's graphics layer.</param>
/// <param name="Source">The picture of a logo or graphics take.</param>
/// <param name="LevelDb">An audio level change's target, in dB (0 = unity).</param>
/// <param name="Frames">Fade length in frames (audio level, graphics take).</param>
/// <param name="Device">The device a device command goes to; it must be a configured device.</param>
/// <param name="Command">The device command's name.</param>
/// <param name="Arguments">The device command's arguments.</param>
public sealed record SecondaryEvent(
    SecondaryKind Kind,
    EventAnchor Anchor = EventAnchor.Start,
    TimeSpan Offset = default,
    int? Layer = null,
    string? Source = null,
    double? LevelDb = null,
    int Frames = 0,
    Scte35Cue? Scte35 = null,
    string? Device = null,
    string? Command = null,
    IReadOnlyDictionary<string, string>? Arguments = null)
{
    public override string ToString() => $"{Kind} at {Anchor.ToString().ToLowerInvariant()} {(Offset < TimeSpan.Zero ? "-" : "+")}{Offset.Duration():c}";
}
