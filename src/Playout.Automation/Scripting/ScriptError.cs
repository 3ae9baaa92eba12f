namespace Playout.Automation.Scripting;

/// <summary>Why a script failed, with where in the script when that is known (1-based line and column).</summary>
public sealed record ScriptError(string Message, int? Line = null, int? Column = null)
{
    public override string ToString() => (Line, Column) switch
    {
        (int line, int column) => $"{line}:{column}: {Message}",
        (int line, null) => $"line {line}: {Message}",
        _ => Message,
    };
}
