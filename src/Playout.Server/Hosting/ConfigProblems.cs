namespace Playout.Server.Hosting;

/// <summary>
/// Every problem of one configuration file, each as "FILE, line N: PATH: what is wrong" (PATH the JSON path, e.g.
/// channels[0].format), so one run lists them all; <see cref="ThrowIfAny"/> raises them together.
/// </summary>
internal sealed class ConfigProblems(string file)
{
    private readonly List<string> _problems = [];
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public int Count => _problems.Count;

    /// <summary>Where the value at a JSON path starts (recorded while the file is read).</summary>
    public void Locate(string path, int line) => _lines.TryAdd(path, line);

    /// <param name="path">The JSON path of the field at fault; "" for the file as a whole.</param>
    /// <param name="line">Where it is, when the path's own line is not it (a syntax error).</param>
    public void Add(string path, string message, int? line = null) =>
        _problems.Add($"{file}{((line ?? Line(path)) is int at ? $", line {at}" : "")}: {(path.Length == 0 ? "" : path + ": ")}{message}");

    /// <exception cref="ConfigException">Any problem was added; the message lists them all, one a line.</exception>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
            throw ToException();
    }

    public ConfigException ToException() => new(string.Join(Environment.NewLine, _problems));

    // A missing field has no line of its own: the nearest enclosing value that has one stands in.
    private int? Line(string path)
    {
        for (string p = path; ; p = Parent(p))
        {
            if (_lines.TryGetValue(p, out int line))
                return line;
            if (p.Length == 0)
                return null;
        }
    }

    private static string Parent(string path)
    {
        int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? "" : path[..cut];
    }
}
