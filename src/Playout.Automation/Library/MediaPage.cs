namespace Playout.Automation.Library;

/// <summary>One page of a catalogue listing and how many entries the whole listing has.</summary>
public sealed record MediaPage(IReadOnlyList<MediaEntry> Items, int Total);
