using System.Globalization;
using System.Text.RegularExpressions;

namespace Playout.Devices.Videohub;

/// <summary>Reads a block's items: <c>Key: value</c> fields, or <c>index rest</c> lines (labels, routes, locks); a bad item is reported with its line and skipped.</summary>
public static partial class VideohubItems
{
    /// <summary>
    /// The fields of a block such as <c>VIDEOHUB DEVICE:</c>. Some peers glue two fields when a newline is missing
    /// (<c>Video inputs: 41Video processing units: 0</c>): the number is kept and the second field read on its own.
    /// </summary>
    public static Dictionary<string, string> Fields(VideohubBlock block, Action<string> problem)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, text) in block.Items)
        {
            string rest = text;
            while (rest.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0)
            {
                string key = rest[..colon], value = rest[(colon + 2)..];
                if (GluedField().Match(value) is { Success: true } glued)
                {
                    problem($"line {line}: '{text}' holds two fields (a missing newline); read as '{key}: {glued.Groups[1].Value}' and '{glued.Groups[2].Value}'");
                    (value, rest) = (glued.Groups[1].Value, glued.Groups[2].Value);
                }
                else
                    rest = "";
                fields[key] = value;
            }
            if (rest.Length > 0)
                problem($"line {line}: '{text}' in {block.Header} is not 'Key: value', skipped");
        }
        return fields;
    }

    /// <summary>The <c>index rest</c> items of a block (0-based wire indexes); <paramref name="rest"/> checks the rest and returns why it is wrong, or null.</summary>
    public static List<(int Index, string Value)> Indexed(VideohubBlock block, Action<string> problem, Func<string, string?>? rest = null)
    {
        var items = new List<(int, string)>();
        foreach (var (line, text) in block.Items)
        {
            int space = text.IndexOf(' ');
            string head = space < 0 ? text : text[..space], tail = space < 0 ? "" : text[(space + 1)..];
            if (!int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                problem($"line {line}: '{text}' in {block.Header} does not start with an index, skipped");
            else if (rest?.Invoke(tail) is { } wrong)
                problem($"line {line}: '{text}' in {block.Header} {wrong}, skipped");
            else
                items.Add((index, tail));
        }
        return items;
    }

    /// <summary>Null when <paramref name="text"/> is a non-negative whole number (a route's input), else why not.</summary>
    public static string? WholeNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? null : $"'{text}' is not an index";

    /// <summary>Null when <paramref name="text"/> is a lock state (U unlocked, O owned by this client, L locked by another), else why not.</summary>
    public static string? LockState(string text) => text is "U" or "O" or "L" ? null : $"'{text}' is not a lock state (U, O, L)";

    [GeneratedRegex("^([0-9]+)([A-Z][A-Za-z ]*: .*)$")]
    private static partial Regex GluedField();
}
