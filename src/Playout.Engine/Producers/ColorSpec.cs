using System.Globalization;

namespace Playout.Engine.Producers;

/// <summary>Colour names and #RRGGBB values as operators type them, as R'G'B' fractions of full scale.</summary>
public static class ColorSpec
{
    private static readonly Dictionary<string, (double R, double G, double B)> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["black"] = (0, 0, 0),
        ["white"] = (1, 1, 1),
        ["grey"] = (0.5, 0.5, 0.5),
        ["gray"] = (0.5, 0.5, 0.5),
        ["red"] = (1, 0, 0),
        ["green"] = (0, 1, 0),
        ["blue"] = (0, 0, 1),
        ["yellow"] = (1, 1, 0),
        ["cyan"] = (0, 1, 1),
        ["magenta"] = (1, 0, 1),
    };

    /// <exception cref="FormatException">Neither a known name nor #RRGGBB; the message lists the names.</exception>
    public static (double R, double G, double B) Parse(string spec)
    {
        if (Named.TryGetValue(spec, out var named))
            return named;
        if (spec.Length == 7 && spec[0] == '#' && uint.TryParse(spec.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
            return ((rgb >> 16) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
        throw new FormatException($"unknown colour '{spec}': use #RRGGBB or one of {string.Join(", ", Named.Keys)}");
    }
}
