using System.Diagnostics.CodeAnalysis;

namespace Playout.Media.Time;

/// <summary>
/// A SMPTE ST 12 time of day, HH:MM:SS:FF at a <see cref="TimecodeRate"/>, within one 24-hour day:
/// arithmetic wraps at midnight (23:59:59;29 + 1 frame is 00:00:00;00) and frame counts are taken modulo
/// <see cref="TimecodeRate.FramesPerDay"/>. Written "HH:MM:SS:FF" non-drop and "HH:MM:SS;FF" drop-frame.
/// </summary>
public readonly struct Timecode : IEquatable<Timecode>, IComparable<Timecode>
{
    /// <exception cref="ArgumentOutOfRangeException">A field is out of range for the rate, or names a frame drop-frame skips.</exception>
    public Timecode(int hours, int minutes, int seconds, int frames, TimecodeRate rate)
    {
        if (TimecodeCounting.Problem(hours, minutes, seconds, frames, rate) is { } problem)
            throw new ArgumentOutOfRangeException(null, problem);
        (Hours, Minutes, Seconds, Frames, Rate) = (hours, minutes, seconds, frames, rate);
    }

    public int Hours { get; }
    public int Minutes { get; }
    public int Seconds { get; }
    public int Frames { get; }
    public TimecodeRate Rate { get; }
    public bool DropFrame => Rate.DropFrame;

    /// <summary>Frames since 00:00:00:00, in [0, <see cref="TimecodeRate.FramesPerDay"/>).</summary>
    public long FrameCount => TimecodeCounting.ToFrameCount(Hours, Minutes, Seconds, Frames, Rate);

    /// <summary>The timecode of the frame this many frames after 00:00:00:00, wrapping every 24 hours (negative counts wrap backwards).</summary>
    public static Timecode FromFrameCount(long frameCount, TimecodeRate rate)
    {
        var (hours, minutes, seconds, frames) = TimecodeCounting.ToFields(frameCount, rate);
        return new Timecode(hours, minutes, seconds, frames, rate);
    }

    /// <summary>Reads "HH:MM:SS:FF" (non-drop) or "HH:MM:SS;FF" (drop-frame; '.' and ',' also mark drop-frame).</summary>
    /// <exception cref="FormatException">The text is malformed, its separator disagrees with the rate's drop flag, or a field is out of range; the message names the text and the field.</exception>
    public static Timecode Parse(string text, TimecodeRate rate) => TimecodeParser.Parse(text, rate);

    public static bool TryParse([NotNullWhen(true)] string? text, TimecodeRate rate, out Timecode timecode) =>
        TimecodeParser.TryParse(text, rate, out timecode, out _);

    public Timecode AddFrames(long frames) => FromFrameCount(FrameCount + frames % Rate.FramesPerDay, Rate);

    public static Timecode operator +(Timecode timecode, long frames) => timecode.AddFrames(frames);
    public static Timecode operator -(Timecode timecode, long frames) => timecode.AddFrames(-frames);

    /// <summary>Signed frames from <paramref name="b"/> to <paramref name="a"/> within the day (no wrap); see <see cref="FramesSince"/> for across midnight.</summary>
    /// <exception cref="ArgumentException">The two timecodes have different rates.</exception>
    public static long operator -(Timecode a, Timecode b) => a.FrameCount - b.FrameCountAt(a.Rate);

    /// <summary>Frames forward from <paramref name="earlier"/> to this timecode, crossing midnight if need be: in [0, FramesPerDay).</summary>
    /// <exception cref="ArgumentException">The two timecodes have different rates.</exception>
    public long FramesSince(Timecode earlier)
    {
        long day = Rate.FramesPerDay;
        return ((this - earlier) % day + day) % day;
    }

    /// <exception cref="ArgumentException">The two timecodes have different rates.</exception>
    public int CompareTo(Timecode other) => FrameCount.CompareTo(other.FrameCountAt(Rate));

    public static bool operator <(Timecode a, Timecode b) => a.CompareTo(b) < 0;
    public static bool operator >(Timecode a, Timecode b) => a.CompareTo(b) > 0;
    public static bool operator <=(Timecode a, Timecode b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Timecode a, Timecode b) => a.CompareTo(b) >= 0;

    public bool Equals(Timecode other) =>
        (Hours, Minutes, Seconds, Frames, Rate) == (other.Hours, other.Minutes, other.Seconds, other.Frames, other.Rate);
    public override bool Equals(object? obj) => obj is Timecode other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Hours, Minutes, Seconds, Frames, Rate);
    public static bool operator ==(Timecode a, Timecode b) => a.Equals(b);
    public static bool operator !=(Timecode a, Timecode b) => !a.Equals(b);

    public override string ToString() => $"{Hours:00}:{Minutes:00}:{Seconds:00}{(DropFrame ? ';' : ':')}{Frames:00}";

    // Frame counts of different rates name different instants, so comparing them is a caller's mistake.
    private long FrameCountAt(TimecodeRate rate) => rate == Rate
        ? FrameCount
        : throw new ArgumentException($"timecode {this} is at {Rate}, not {rate}; convert through a frame count or a timeline first");
}
