using System.Globalization;

namespace Playout.Devices;

/// <summary>Reading a driver's settings (text values from the configuration), each wrong one named: for the drivers that share these rules.</summary>
internal static class DriverSettings
{
    /// <exception cref="ArgumentException">A setting that is not one of <paramref name="known"/>.</exception>
    public static void OnlyKnown(IReadOnlyDictionary<string, string> settings, string driver, params string[] known)
    {
        if (settings.Keys.FirstOrDefault(k => !known.Contains(k, StringComparer.Ordinal)) is { } unknown)
            throw new ArgumentException($"{unknown}: no such setting of the {driver} driver (it takes {string.Join(", ", known)})");
    }

    /// <exception cref="ArgumentException">The setting is missing or blank; <paramref name="what"/> says what it should be.</exception>
    public static string Required(IReadOnlyDictionary<string, string> settings, string name, string what) =>
        settings.TryGetValue(name, out string? value) && !string.IsNullOrWhiteSpace(value) ? value : throw new ArgumentException($"{name}: missing ({what})");

    /// <summary>The whole number <paramref name="name"/> from <paramref name="min"/> to <paramref name="max"/>, or <paramref name="fallback"/> when not given.</summary>
    /// <exception cref="ArgumentException">It is not such a number.</exception>
    public static int WholeNumber(IReadOnlyDictionary<string, string> settings, string name, int min, int max, int fallback) =>
        settings.TryGetValue(name, out string? text) ? WholeNumber(name, text, min, max) : fallback;

    /// <exception cref="ArgumentException"><paramref name="text"/> is not a whole number from <paramref name="min"/> to <paramref name="max"/>.</exception>
    public static int WholeNumber(string name, string text, int min, int max) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max ? value
            : throw new ArgumentException($"{name}: '{text}' is not a whole number from {min} to {max}");
}
