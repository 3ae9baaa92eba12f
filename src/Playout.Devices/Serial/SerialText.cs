using System.Globalization;
using System.Text;

namespace Playout.Devices.Serial;

/// <summary>
/// A command's free-text parameter as the device takes it: at most <see cref="Length"/> characters, and with
/// <see cref="Fold"/> "ascii" in printable ASCII (letters lose their accents, "Bài hát" is sent "Bai hat"; what has no
/// ASCII form, such as Chinese, is left out): an RDS encoder's character set.
/// </summary>
public sealed record SerialText
{
    /// <summary>The longest text a command takes from a caller (a now-playing title, say), before it is shaped.</summary>
    public const int Accepted = 255;

    public int Length { get; init; } = 64;

    /// <summary>"none" (sent as given) or "ascii".</summary>
    public string Fold { get; init; } = "none";

    public static readonly IReadOnlyList<string> Folds = ["none", "ascii"];

    /// <summary>The text as it is sent: folded, its runs of white space made one space, cut to <see cref="Length"/>.</summary>
    public string Shape(string text)
    {
        string folded = Fold == "ascii" ? Ascii(text) : text;
        string spaced = string.Join(' ', folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return spaced.Length <= Length ? spaced : spaced[..Length].TrimEnd();
    }

    private static string Ascii(string text)
    {
        var ascii = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            char plain = LatinLetters.AsciiOf(c) ?? c switch
            {
                'đ' => 'd',
                'Đ' => 'D',
                'ø' => 'o',
                'Ø' => 'O',
                'ł' => 'l',
                'Ł' => 'L',
                '–' or '—' => '-',
                '‘' or '’' => '\'',
                '“' or '”' => '"',
                _ => c,
            };
            ascii.Append(plain is >= ' ' and <= '~' ? plain : ' ');
        }
        return ascii.ToString();
    }
}
