using System.Globalization;

namespace Playout.Automation.Scripting;

/// <summary>A broadcast day's date as a script writes it: a <see cref="DateOnly"/> (<c>Tomorrow</c>) or text ("2026-11-25").</summary>
public readonly record struct ScriptDate(DateOnly Value)
{
    public static implicit operator ScriptDate(DateOnly value) => new(value);

    public static implicit operator ScriptDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? new(value)
            : throw new FormatException($"'{text}' is not a date: write yyyy-MM-dd");

    public static implicit operator DateOnly(ScriptDate date) => date.Value;

    public override string ToString() => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
