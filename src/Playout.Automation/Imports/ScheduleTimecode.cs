using Playout.Media.Formats;
using Playout.Media.Time;

namespace Playout.Automation.Imports;

/// <summary>
/// A timecode in a schedule file → time since midnight (or a length), at the channel's frame rate. The separator
/// before the frames decides: ':' counts non-drop, ';' drop-frame (only at 29.97 and 59.94). The one place
/// imports touch <see cref="Timecode"/>.
/// </summary>
internal static class ScheduleTimecode
{
    public static (TimeSpan Value, string? Error) ToTime(string text, Rational frameRate)
    {
        bool drop = text.Contains(';');
        TimecodeRate rate;
        try
        {
            rate = new TimecodeRate(frameRate, drop);
        }
        catch (ArgumentException e)
        {
            return (default, $"\"{text}\" is a timecode, but {e.Message}");
        }
        try
        {
            long frames = Timecode.Parse(text, rate).FrameCount;
            // Frames × (denominator / numerator) seconds, rounded to the nearest 100 ns tick.
            Int128 scaled = (Int128)frames * frameRate.Denominator * TimeSpan.TicksPerSecond;
            return (TimeSpan.FromTicks((long)((scaled + frameRate.Numerator / 2) / frameRate.Numerator)), null);
        }
        catch (FormatException e)
        {
            return (default, e.Message);
        }
    }
}
