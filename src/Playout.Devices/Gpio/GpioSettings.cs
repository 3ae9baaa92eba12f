namespace Playout.Devices.Gpio;

/// <summary>
/// A gpio device's settings: <c>chip</c> (the N of /dev/gpiochipN), <c>inputs</c> and <c>outputs</c> (line numbers,
/// comma-separated: GPI inputs 1..N and outputs 1..N in that order), <c>activeLow</c> (a line at low level is closed) and
/// <c>debounceMs</c> (how long an input must hold a new level before it counts).
/// </summary>
internal sealed record GpioSettings(int Chip, IReadOnlyList<int> Inputs, IReadOnlyList<int> Outputs, bool ActiveLow, TimeSpan Debounce)
{
    public const int MaxLine = 1023, MaxDebounceMs = 1000, DefaultDebounceMs = 20;

    /// <exception cref="ArgumentException">A setting is missing, unknown or wrong; the message names it.</exception>
    public static GpioSettings Parse(IReadOnlyDictionary<string, string> settings)
    {
        DriverSettings.OnlyKnown(settings, "gpio", "chip", "inputs", "outputs", "activeLow", "debounceMs");
        int chip = DriverSettings.WholeNumber("chip", DriverSettings.Required(settings, "chip", "the number N of /dev/gpiochipN"), 0, 255);
        var inputs = Lines(settings, "inputs");
        var outputs = Lines(settings, "outputs");
        if (inputs.Count + outputs.Count == 0)
            throw new ArgumentException("inputs, outputs: neither names a line (give at least one, e.g. \"inputs\": \"17,27\")");
        if (inputs.Intersect(outputs).FirstOrDefault(-1) is var both and >= 0)
            throw new ArgumentException($"outputs: line {both} is an input too");
        bool activeLow = false;
        if (settings.TryGetValue("activeLow", out string? low) && !bool.TryParse(low, out activeLow))
            throw new ArgumentException($"activeLow: '{low}' is not true or false");
        int debounce = DriverSettings.WholeNumber(settings, "debounceMs", 0, MaxDebounceMs, DefaultDebounceMs);
        return new GpioSettings(chip, inputs, outputs, activeLow, TimeSpan.FromMilliseconds(debounce));
    }

    /// <summary>The chip's device name, for messages.</summary>
    public string ChipName => $"gpiochip{Chip}";

    private static List<int> Lines(IReadOnlyDictionary<string, string> settings, string name)
    {
        if (!settings.TryGetValue(name, out string? text) || string.IsNullOrWhiteSpace(text))
            return [];
        var lines = text.Split(',').Select(line => DriverSettings.WholeNumber(name, line, 0, MaxLine)).ToList();
        if (lines.GroupBy(l => l).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"{name}: line {twice.Key} is given twice");
        return lines;
    }
}
