using System.Diagnostics.CodeAnalysis;

namespace Playout.Media.Time;

/// <summary>Reads "HH:MM:SS:FF" / "HH:MM:SS;FF" with errors that name the text and the field at fault.</summary>
internal static class TimecodeParser
{
    private static readonly string[] FieldNames = ["hours", "minutes", "seconds", "frames"];

    public static Timecode Parse(string text, TimecodeRate rate) =>
        TryParse(text, rate, out var timecode, out var error) ? timecode : throw new FormatException(error);

    public static bool TryParse(string? text, TimecodeRate rate, out Timecode timecode, [NotNullWhen(false)] out string? error)
    {
        timecode = default;
        error = $"timecode '{text}' is not HH:MM:SS:FF (non-drop) or HH:MM:SS;FF (drop-frame)";
        if (text is null)
            return false;
        var fields = new int[4];
        var separators = new char[3];
        int field = 0, digits = 0;
        foreach (char c in text.Trim())
        {
            if (char.IsAsciiDigit(c) && digits < 2)
            {
                fields[field] = fields[field] * 10 + (c - '0');
                digits++;
            }
            else if (c is ':' or ';' or '.' or ',' && digits > 0 && field < 3)
            {
                separators[field++] = c;
                digits = 0;
            }
            else
            {
                if (char.IsAsciiDigit(c))
                    error = $"timecode '{text}': {FieldNames[field]} has more than two digits";
                return false;
            }
        }
        if (field != 3 || digits == 0)
            return false;
        // Some systems write drop-frame with the same mark between every field ("01;00;00;00").
        char frameSeparator = separators[2];
        if (separators[0] != separators[1] || separators[0] != ':' && separators[0] != frameSeparator)
            return false;
        bool drop = frameSeparator != ':';
        if (drop != rate.DropFrame)
        {
            error = drop
                ? $"timecode '{text}' is drop-frame ('{frameSeparator}' before the frames) but the rate {rate} is non-drop; write {Retyped(fields, ':')}"
                    + (rate.Base is 30 or 60 ? $" or use rate {TimecodeRate.ForFrameRate(rate.FrameRate)}" : "")
                : $"timecode '{text}' is non-drop (':' before the frames) but the rate {rate} is drop-frame; write {Retyped(fields, ';')} "
                    + $"or use rate {new TimecodeRate(rate.FrameRate, false)}";
            return false;
        }
        if (TimecodeCounting.Problem(fields[0], fields[1], fields[2], fields[3], rate) is { } problem)
        {
            error = $"timecode '{text}': {problem}";
            return false;
        }
        timecode = new Timecode(fields[0], fields[1], fields[2], fields[3], rate);
        error = null;
        return true;
    }

    private static string Retyped(int[] fields, char frameSeparator) =>
        $"{fields[0]:00}:{fields[1]:00}:{fields[2]:00}{frameSeparator}{fields[3]:00}";
}
