namespace Playout.Automation.Imports;

/// <summary>Where in a file a value was read: line and column (YAML, JSON, CSV) or element path and line (XML).</summary>
internal readonly record struct SourceSpot(int? Line, int? Column = null, string? Element = null)
{
    public static SourceSpot WholeFile => default;
}
