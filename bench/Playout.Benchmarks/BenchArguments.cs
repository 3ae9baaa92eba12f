using System.Globalization;

namespace Playout.Benchmarks;

/// <summary>
/// A bench command's arguments: options with a value (<c>--seconds 5</c>), switches (<c>--encode</c>) and, where the command
/// takes them, plain words (formats). Junk is refused with what was wrong and what the command takes
/// (<see cref="BenchUsageException"/>: exit 2), never a stack trace.
/// </summary>
public sealed class BenchArguments
{
    private readonly string _command;
    private readonly string _usage;
    private readonly Dictionary<string, string> _values = [];
    private readonly HashSet<string> _switches = [];

    /// <param name="usage">What the command takes, for the refusal.</param>
    /// <param name="options">The options that take a value.</param>
    /// <param name="switches">The options that stand alone.</param>
    /// <param name="words">Whether plain words (not starting with "--") are taken.</param>
    public BenchArguments(string command, string[] args, string usage, string[] options, string[]? switches = null, bool words = false)
    {
        (_command, _usage) = (command, usage);
        var plain = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string argument = args[i];
            // A second value would silently win over the first.
            if (_values.ContainsKey(argument) || _switches.Contains(argument))
                throw Refused($"{argument} is given twice");
            if (switches?.Contains(argument) == true)
                _switches.Add(argument);
            else if (options.Contains(argument))
                _values[argument] = i + 1 < args.Length ? args[++i] : throw Refused($"{argument} takes a value and none was given");
            else if (words && !argument.StartsWith("--", StringComparison.Ordinal))
                plain.Add(argument);
            else
                throw Refused($"unknown argument '{argument}'");
        }
        Words = plain;
    }

    /// <summary>The plain words, in order.</summary>
    public IReadOnlyList<string> Words { get; }

    public bool Has(string name) => _switches.Contains(name);

    public string? Text(string name) => _values.GetValueOrDefault(name);

    /// <summary>Option <paramref name="name"/>'s number (<paramref name="fallback"/> when not given), at least <paramref name="least"/>.</summary>
    public double Number(string name, double fallback, double least) =>
        !_values.TryGetValue(name, out string? text) ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value >= least ? value
        : throw Refused($"{name} takes a number of at least {least.ToString(CultureInfo.InvariantCulture)}, not '{text}'");

    /// <summary>Option <paramref name="name"/>'s whole number (<paramref name="fallback"/> when not given), at least <paramref name="least"/>.</summary>
    public int Whole(string name, int fallback, int least) =>
        !_values.TryGetValue(name, out string? text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= least ? value
        : throw Refused($"{name} takes a whole number of at least {least}, not '{text}'");

    /// <summary>The refusal of <paramref name="problem"/>, naming the command and what it takes.</summary>
    public BenchUsageException Refused(string problem) => new($"bench {_command}: {problem} (takes {_usage})");
}

/// <summary>A bench command's arguments were junk: the message says which and what it takes.</summary>
public sealed class BenchUsageException(string message) : Exception(message);
