using System.Diagnostics.CodeAnalysis;

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

    // A value too long to be one (a 2 MB id is an error of its own) is named by its start, not echoed whole.
    private ImportError Make(SourceSpot at, string message, string? eventId, string? field) =>
        new(file, Shortened(message, 500), at.Line, at.Column, at.Element, Shortened(eventId, 64), Shortened(field, 64));

    [return: NotNullIfNotNull(nameof(text))]
    private static string? Shortened(string? text, int max) => text is not null && text.Length > max ? text[..max] + "…" : text;
}
