using System.Globalization;

namespace Playout.Devices.Serial;

/// <summary>
/// A command's text with placeholders: <c>PWR {percent:000}</c> sends the argument <c>percent</c> in the .NET number
/// format <c>000</c> (<c>PWR 055</c>); <c>RF {state}</c> sends the text of the word given. Braces are for placeholders only.
/// </summary>
public sealed class CommandTemplate
{
    private readonly List<(string Text, string? Placeholder, string? Format)> _parts;

    private CommandTemplate(string text, List<(string, string?, string?)> parts)
    {
        Text = text;
        _parts = parts;
    }

    public string Text { get; }

    /// <summary>The placeholders' names, in order.</summary>
    public IEnumerable<string> Placeholders => _parts.Where(p => p.Placeholder is not null).Select(p => p.Placeholder!);

    /// <summary>Whether a placeholder has a number format.</summary>
    public bool Formatted => _parts.Any(p => p.Format is not null);

    /// <exception cref="FormatException">A brace out of place or a placeholder with no name; the message says where.</exception>
    public static CommandTemplate Parse(string text)
    {
        var parts = new List<(string, string?, string?)>();
        int at = 0;
        while (at < text.Length)
        {
            int open = text.IndexOfAny(['{', '}'], at);
            if (open < 0)
            {
                parts.Add((text[at..], null, null));
                break;
            }
            if (text[open] == '}')
                throw new FormatException($"template '{text}': '}}' at {open + 1} closes nothing");
            int close = text.IndexOfAny(['{', '}'], open + 1);
            if (close < 0 || text[close] == '{')
                throw new FormatException($"template '{text}': '{{' at {open + 1} is not closed");
            parts.Add((text[at..open], null, null));
            string inside = text[(open + 1)..close];
            int colon = inside.IndexOf(':', StringComparison.Ordinal);
            string name = colon < 0 ? inside : inside[..colon];
            if (name.Length == 0)
                throw new FormatException($"template '{text}': the placeholder at {open + 1} has no name");
            parts.Add(("", name, colon < 0 ? null : inside[(colon + 1)..]));
            at = close + 1;
        }
        return new CommandTemplate(text, parts);
    }

    /// <summary>The text with each placeholder filled: a number in its format, or <paramref name="text"/> (a word's text).</summary>
    public string Fill(double? number, string? text) => string.Concat(_parts.Select(p => p.Placeholder is null ? p.Text
        : number is { } n ? n.ToString(p.Format ?? "0.######", CultureInfo.InvariantCulture) : text));

    public override string ToString() => Text;
}
