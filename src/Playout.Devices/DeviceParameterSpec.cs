using System.Globalization;

namespace Playout.Devices;

/// <summary>One argument of a device command: a whole number or a number within a range (with a unit), one of a list of words, or text.</summary>
/// <param name="Values">The words it may take (an enumeration), or null for a number.</param>
/// <param name="Min">The least number it may take (numbers only).</param>
/// <param name="Max">The greatest number it may take (numbers only).</param>
/// <param name="MaxLength">Set: the argument is text of at most this many characters, with no control characters.</param>
public sealed record DeviceParameterSpec(string Name, IReadOnlyList<string>? Values = null, double? Min = null, double? Max = null, string? Unit = null,
    bool Required = true, bool Integer = false, int? MaxLength = null)
{
    /// <summary>Why <paramref name="value"/> is not a value of this parameter, or null when it is.</summary>
    public string? Check(string value)
    {
        if (MaxLength is { } most)
            return value.Length > most ? $"{Name}: {value.Length} characters, more than the {most} it takes"
                : value.Any(char.IsControl) ? $"{Name}: text with a control character (a line break, a tab) cannot be sent"
                : null;
        if (Values is not null)
            return Values.Contains(value, StringComparer.Ordinal) ? null : $"{Name}: '{value}' is not one of {string.Join(", ", Values)}";
        double number = 0;
        bool parsed = Integer
            ? long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole) && (number = whole) == whole
            : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
        if (!parsed)
            return $"{Name}: '{value}' is not {(Integer ? "a whole number" : "a number")}";
        if (number < Min || number > Max)
            return $"{Name}: {value} is out of range ({Min?.ToString(CultureInfo.InvariantCulture) ?? "…"} to {Max?.ToString(CultureInfo.InvariantCulture) ?? "…"}{(Unit is null ? "" : " " + Unit)})";
        return null;
    }
}
