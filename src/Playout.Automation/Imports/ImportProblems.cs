namespace Playout.Automation.Imports;

/// <summary>Collects the errors and warnings of one file's import, capped so a garbage file cannot flood the caller.</summary>
internal sealed class ImportProblems(string file, int maxErrors)
{
    private readonly List<ImportError> _errors = [];
    private readonly List<ImportError> _warnings = [];

    public IReadOnlyList<ImportError> Errors => _errors;
    public IReadOnlyList<ImportError> Warnings => _warnings;
    public int ErrorCount => _errors.Count;
    public bool Truncated { get; private set; }

    public void Error(SourceSpot at, string message, string? eventId = null, string? field = null)
    {
        if (_errors.Count >= maxErrors)
        {
            Truncated = true;
            return;
        }
        _errors.Add(Make(at, message, eventId, field));
    }

    public void Warning(SourceSpot at, string message, string? eventId = null, string? field = null) =>
        _warnings.Add(Make(at, message, eventId, field));

    private ImportError Make(SourceSpot at, string message, string? eventId, string? field) =>
        new(file, message, at.Line, at.Column, at.Element, eventId, field);
}
