namespace Playout.Automation.Imports;

/// <summary>
/// The format-neutral tree every importer reads its file into, each node with where it came from; one mapper
/// (<see cref="EventMapper"/>) turns it into schedule events, so YAML, JSON, CSV and BXF share every field rule.
/// </summary>
internal abstract record ImportNode(SourceSpot At)
{
    /// <summary>"a list", "a mapping", "a value": what a type error says was found instead.</summary>
    public abstract string What { get; }
}

/// <summary>A single value as text (a number or boolean keeps its written form); null for an explicit null.</summary>
internal sealed record ScalarNode(SourceSpot At, string? Text) : ImportNode(At)
{
    public override string What => Text is null ? "null" : "a value";
}

internal sealed record ListNode(SourceSpot At, IReadOnlyList<ImportNode> Items) : ImportNode(At)
{
    public override string What => "a list";
}

internal sealed record MapNode(SourceSpot At, IReadOnlyList<MapEntry> Entries) : ImportNode(At)
{
    public override string What => "a mapping";
}

/// <param name="Key">The schema's name for the field.</param>
/// <param name="Label">What the file calls it (a CSV header alias, an XML element); errors name this.</param>
internal sealed record MapEntry(string Key, string Label, SourceSpot KeyAt, ImportNode Value)
{
    public MapEntry(string key, SourceSpot keyAt, ImportNode value) : this(key, key, keyAt, value)
    {
    }
}
