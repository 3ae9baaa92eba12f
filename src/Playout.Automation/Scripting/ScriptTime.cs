using System.Globalization;

namespace Playout.Automation.Scripting;

/// <summary>
/// A time of day or a duration as a script writes it: a <see cref="TimeSpan"/> or text ("00:10:00", "07:00",
/// "00:00:12.480"). One parameter type takes both, so the script API needs no pair of overloads per method.
/// </summary>
public readonly record struct ScriptTime(TimeSpan Value)
{
    private static readonly string[] Formats = ["c", @"hh\:mm"];

    public static implicit operator ScriptTime(TimeSpan value) => new(value);

    public static implicit operator ScriptTime(string text) =>
        TimeSpan.TryParseExact(text, Formats, CultureInfo.InvariantCulture, out var value)
            ? new(value)
            : throw new FormatException($"'{text}' is not a time: write hh:mm:ss[.fff] or hh:mm");

    public static implicit operator TimeSpan(ScriptTime time) => time.Value;

    public override string ToString() => Value.ToString("c", CultureInfo.InvariantCulture);
}
