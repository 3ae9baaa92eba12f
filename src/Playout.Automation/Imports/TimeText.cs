using System.Globalization;
using System.Text.RegularExpressions;
using Playout.Media.Formats;

namespace Playout.Automation.Imports;

/// <summary>
/// Reads the times in a schedule file: clock time "HH:MM:SS" or "HH:MM:SS.fff", timecode "HH:MM:SS:FF" /
/// "HH:MM:SS;FF" at the channel's rate, or plain seconds ("30", "2.5"); an offset may start with '-'.
/// </summary>
internal static partial class TimeText
{
    /// <summary>The longest time a file may write: what HH:MM:SS reaches at 99 hours (seconds beyond it are a typo, and past TimeSpan's range a crash).</summary>
    private static readonly TimeSpan Longest = TimeSpan.FromHours(100);

    /// <param name="noun">What the value is, for the error: "a time of day", "a duration", "an offset".</param>
    public static (TimeSpan Value, string? Error) Parse(string text, Rational frameRate, string noun, bool signed = false)
    {
        var trimmed = text.Trim();
        bool negative = signed && trimmed.StartsWith('-');
        var body = negative ? trimmed[1..] : trimmed;
        var (value, error) = ParseUnsigned(body, frameRate);
        if (value is null && error is null)
            error = $"\"{text}\" is not {noun} (expected {(signed ? "[-]" : "")}HH:MM:SS, HH:MM:SS.fff, timecode HH:MM:SS:FF or seconds)";
        return error is null ? (negative ? -value!.Value : value!.Value, null) : (default, error);
    }

    private static (TimeSpan? Value, string? Error) ParseUnsigned(string body, Rational frameRate)
    {
        if (Seconds().IsMatch(body))
        {
            double written = double.Parse(body, CultureInfo.InvariantCulture);
            return written < Longest.TotalSeconds
                ? (TimeSpan.FromSeconds(written), null)
                : (null, $"\"{body}\" seconds is {Longest.TotalHours:0} hours or more");
        }
        var match = Clock().Match(body);
        if (!match.Success)
            return (null, null);
        if (match.Groups["frames"].Success)
            return ScheduleTimecode.ToTime(body, frameRate);
        int hours = Field(match, "h"), minutes = Field(match, "m"), seconds = Field(match, "s");
        if (minutes > 59 || seconds > 59)
            return (null, $"\"{body}\": {(minutes > 59 ? "minutes" : "seconds")} must be 00-59");
        var fraction = match.Groups["fraction"].Success
            ? TimeSpan.FromTicks(long.Parse(match.Groups["fraction"].Value.PadRight(7, '0'), CultureInfo.InvariantCulture))
            : TimeSpan.Zero;
        return (new TimeSpan(hours, minutes, seconds) + fraction, null);
    }

    private static int Field(Match match, string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?$")]
    private static partial Regex Seconds();

    [GeneratedRegex(@"^(?<h>[0-9]{1,2}):(?<m>[0-9]{2}):(?<s>[0-9]{2})(?:[.,](?<fraction>[0-9]{1,7})|(?<frames>[:;][0-9]{2}))?$")]
    private static partial Regex Clock();
}
