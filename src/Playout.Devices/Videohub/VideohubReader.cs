using System.Text;
using System.Text.RegularExpressions;

namespace Playout.Devices.Videohub;

/// <summary>
/// Splits the bytes of a Videohub link (TCP 9990) into blocks: a header line (<c>ALL CAPS:</c>, or <c>ACK</c>/<c>NAK</c>),
/// item lines, a blank line. Total over junk: a line outside any block, an over-long line or a non-text byte is skipped and
/// reported through <c>problem</c> with its line number; nothing throws. A header that arrives without the blank line
/// before it (a quirk of some firmware) closes the block before it.
/// </summary>
public sealed partial class VideohubReader(Action<string> problem)
{
    /// <summary>Longer lines are junk (the longest real line is a 255-character label with its index).</summary>
    public const int MaxLine = 1024;

    /// <summary>More items in one block are junk (the largest router has 288 ports a block); a babbling peer cannot grow a block without bound.</summary>
    public const int MaxItems = 4096;

    private readonly StringBuilder _line = new();
    private readonly List<(int, string)> _items = [];
    private string? _header;
    private int _headerLine;
    private int _lineNumber;
    private bool _overlong;

    /// <summary>The blocks completed by <paramref name="text"/> (a block may span several calls).</summary>
    public IReadOnlyList<VideohubBlock> Feed(ReadOnlySpan<char> text)
    {
        var blocks = new List<VideohubBlock>();
        foreach (char c in text)
        {
            if (c == '\n')
                EndLine(blocks);
            else if (c == '\r')
                continue;
            else if (_line.Length >= MaxLine)
                _overlong = true;
            else
                _line.Append(c);
        }
        return blocks;
    }

    /// <summary>Whether <paramref name="line"/> opens a block.</summary>
    public static bool IsHeader(string line) => line is "ACK" or "NAK" || HeaderPattern().IsMatch(line);

    private void EndLine(List<VideohubBlock> blocks)
    {
        _lineNumber++;
        string line = _line.ToString();
        _line.Clear();
        if (_overlong)
        {
            _overlong = false;
            problem($"line {_lineNumber}: longer than {MaxLine} characters, skipped");
            return;
        }
        if (line.Any(char.IsControl))
        {
            problem($"line {_lineNumber}: control characters in '{Printable(line)}', skipped");
            return;
        }
        if (line.Length == 0)
        {
            Close(blocks);
            return;
        }
        if (IsHeader(line))
        {
            if (_header is not null)
            {
                problem($"line {_lineNumber}: {line} without a blank line before it (closing {_header} there)");
                Close(blocks);
            }
            (_header, _headerLine) = (line, _lineNumber);
            return;
        }
        if (_header is null)
            problem($"line {_lineNumber}: '{Printable(line)}' is outside any block, skipped");
        else if (_items.Count >= MaxItems)
            problem($"line {_lineNumber}: more than {MaxItems} items in {_header}, skipped");
        else
            _items.Add((_lineNumber, line));
    }

    private void Close(List<VideohubBlock> blocks)
    {
        if (_header is null)
            return;
        blocks.Add(new VideohubBlock(_header, _headerLine, [.. _items]));
        _header = null;
        _items.Clear();
    }

    private static string Printable(string line) => new([.. line.Take(60).Select(c => char.IsControl(c) ? '?' : c)]);

    [GeneratedRegex("^[A-Z][A-Z0-9 _]*:$")]
    private static partial Regex HeaderPattern();
}
