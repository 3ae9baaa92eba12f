using System.Text;

namespace Playout.Devices.Serial;

/// <summary>
/// Splits a serial line's bytes into reply lines: any CR or LF ends one, empty lines are dropped. Total over line noise:
/// a line with a control character or a byte outside printable ASCII, or one longer than <see cref="MaxLine"/>, is skipped
/// and reported through <c>problem</c> with its line number on this opening of the line; nothing it reads throws.
/// </summary>
public sealed class SerialLineReader(Action<string> problem)
{
    /// <summary>Longer lines are noise: a device's longest reply is a status line of some tens of characters.</summary>
    public const int MaxLine = 512;

    private readonly StringBuilder _line = new();
    private readonly List<byte> _bad = [];
    private bool _overlong;
    private int _number;

    /// <summary>The lines completed by <paramref name="bytes"/> (a line may span several calls).</summary>
    public IReadOnlyList<string> Feed(ReadOnlySpan<byte> bytes)
    {
        var lines = new List<string>();
        foreach (byte b in bytes)
        {
            if (b is (byte)'\r' or (byte)'\n')
            {
                if (End() is { } line)
                    lines.Add(line);
            }
            else if (_line.Length + _bad.Count >= MaxLine)
                _overlong = true;
            else if (b is < 0x20 or > 0x7E && b != '\t')
            {
                _bad.Add(b);
                _line.Append('?');
            }
            else
                _line.Append((char)b);
        }
        return lines;
    }

    private string? End()
    {
        string line = _line.ToString();
        bool overlong = _overlong;
        byte[] bad = [.. _bad];
        _line.Clear();
        _bad.Clear();
        _overlong = false;
        if (line.Length == 0 && !overlong)
            return null;
        _number++;
        if (overlong)
            problem($"line {_number}: longer than {MaxLine} characters, skipped");
        else if (bad.Length > 0)
            problem($"line {_number}: {string.Join(" ", bad.Take(8).Select(b => $"0x{b:X2}"))}{(bad.Length > 8 ? " …" : "")} in '{Shown(line)}' is not text, skipped");
        else
            return line;
        return null;
    }

    /// <summary>At most 60 characters of <paramref name="line"/>, for a log line.</summary>
    public static string Shown(string line) => line.Length <= 60 ? line : line[..60] + "…";
}
