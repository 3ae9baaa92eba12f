namespace Playout.Automation.Library;

/// <summary>One schedule item whose media is not ready to play.</summary>
/// <param name="Path">The catalogued file the item resolved to; null when <see cref="MediaProblem.Missing"/>.</param>
/// <param name="Message">For operators and alarms: names the item, its start and the file, and says what is wrong.</param>
public sealed record MediaFinding(MediaCheckItem Item, MediaProblem Problem, string? Path, string Message);
