using System.Diagnostics.CodeAnalysis;
using Playout.Media.Formats;

namespace Playout.Media.Time;

/// <summary>
/// The rate a SMPTE ST 12 timecode counts at: a frame rate the service runs (interlaced modes use their
/// frame rate, so 1080i50 counts 25) and whether it is drop-frame. 1001 rates count with the nominal
/// integer base (24, 30, 60); drop-frame, which exists only at 29.97 and 59.94, skips frame numbers
/// 00–01 (59.94: 00–03) at the start of every minute except each tenth, so the count tracks the wall clock.
/// default(TimecodeRate) is no rate at all; build one with the constructor, a named rate or <see cref="Parse"/>.
/// </summary>
public readonly struct TimecodeRate : IEquatable<TimecodeRate>
{
    public static TimecodeRate Fps23_976 { get; } = new(new Rational(24000, 1001), false);
    public static TimecodeRate Fps24 { get; } = new(new Rational(24), false);
    public static TimecodeRate Fps25 { get; } = new(new Rational(25), false);
    public static TimecodeRate Fps29_97DropFrame { get; } = new(new Rational(30000, 1001), true);
    public static TimecodeRate Fps29_97NonDrop { get; } = new(new Rational(30000, 1001), false);
    public static TimecodeRate Fps30 { get; } = new(new Rational(30), false);
    public static TimecodeRate Fps50 { get; } = new(new Rational(50), false);
    public static TimecodeRate Fps59_94DropFrame { get; } = new(new Rational(60000, 1001), true);
    public static TimecodeRate Fps59_94NonDrop { get; } = new(new Rational(60000, 1001), false);
    public static TimecodeRate Fps60 { get; } = new(new Rational(60), false);

    /// <summary>Every supported rate, each 1001 rate that has drop-frame listed drop-frame first.</summary>
    public static IReadOnlyList<TimecodeRate> All { get; } =
        [Fps23_976, Fps24, Fps25, Fps29_97DropFrame, Fps29_97NonDrop, Fps30, Fps50, Fps59_94DropFrame, Fps59_94NonDrop, Fps60];

    private const string Expected =
        "expected one of 23.976, 24, 25, 29.97, 29.97df, 29.97ndf, 30, 50, 59.94, 59.94df, 59.94ndf, 60 "
        + "or a fraction such as 30000/1001 (plain 29.97 and 59.94 mean drop-frame)";

    /// <exception cref="ArgumentException">The frame rate is not one the service runs, or drop-frame is asked for at a rate without it.</exception>
    public TimecodeRate(Rational frameRate, bool dropFrame)
    {
        Base = NominalBase(frameRate)
            ?? throw new ArgumentException($"frame rate {frameRate} has no timecode; supported: 24000/1001, 24, 25, 30000/1001, 30, 50, 60000/1001, 60", nameof(frameRate));
        if (dropFrame && !HasDropFrame(frameRate))
            throw new ArgumentException($"drop-frame timecode exists only at 29.97 and 59.94, not at {frameRate}", nameof(dropFrame));
        FrameRate = frameRate;
        DropFrame = dropFrame;
    }

    /// <summary>The broadcast default for a frame rate: drop-frame at 29.97 and 59.94, non-drop elsewhere.</summary>
    public static TimecodeRate ForFrameRate(Rational frameRate) => new(frameRate, HasDropFrame(frameRate));

    public Rational FrameRate { get; }
    public bool DropFrame { get; }

    /// <summary>Frame numbers per timecode second: the frame rate rounded up to a whole number (30 at 29.97).</summary>
    public int Base { get; }

    /// <summary>Frame numbers skipped at the start of each minute not divisible by ten: 2 at 29.97, 4 at 59.94, else 0.</summary>
    public int DroppedPerMinute => DropFrame ? Base / 15 : 0;

    /// <summary>Frames from 00:00:00:00 to 24:00:00:00; timecode frame counts wrap modulo this (2 589 408 at 29.97 drop-frame).</summary>
    public long FramesPerDay => 24 * 6 * (600L * Base - 9 * DroppedPerMinute);

    /// <summary>Reads "25", "29.97" (drop-frame), "29.97df", "29.97ndf", "23.976" or "23.98", "59.94", "30000/1001", "60000/1001ndf", ...</summary>
    /// <exception cref="FormatException">The text is not a supported rate; the message names it and lists the forms.</exception>
    public static TimecodeRate Parse(string text) =>
        TryParse(text, out var rate, out var error) ? rate : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, out TimecodeRate rate) => TryParse(text, out rate, out _);

    private static bool TryParse(string? text, out TimecodeRate rate, [NotNullWhen(false)] out string? error)
    {
        rate = default;
        error = $"'{text}' is not a timecode rate; {Expected}";
        if (text is null)
            return false;
        var body = text.Trim().ToLowerInvariant();
        bool? drop = null;
        if (body.EndsWith("ndf", StringComparison.Ordinal))
            (drop, body) = (false, body[..^3]);
        else if (body.EndsWith("df", StringComparison.Ordinal))
            (drop, body) = (true, body[..^2]);
        Rational frameRate;
        switch (body)
        {
            case "23.976" or "23.98": frameRate = new Rational(24000, 1001); break;
            case "29.97": frameRate = new Rational(30000, 1001); break;
            case "59.94": frameRate = new Rational(60000, 1001); break;
            default:
                if (!Rational.TryParse(body, out frameRate) || NominalBase(frameRate) is null)
                    return false;
                break;
        }
        if (drop == true && !HasDropFrame(frameRate))
        {
            error = $"'{text}': drop-frame timecode exists only at 29.97 and 59.94";
            return false;
        }
        rate = new TimecodeRate(frameRate, drop ?? HasDropFrame(frameRate));
        error = null;
        return true;
    }

    /// <summary>"25", "23.976", "29.97df", "59.94ndf": the form <see cref="Parse"/> reads back.</summary>
    public override string ToString() => FrameRate.Denominator == 1
        ? FrameRate.ToString()
        : Base switch { 24 => "23.976", 30 => "29.97", _ => "59.94" } + (Base == 24 ? "" : DropFrame ? "df" : "ndf");

    public bool Equals(TimecodeRate other) => FrameRate == other.FrameRate && DropFrame == other.DropFrame;
    public override bool Equals(object? obj) => obj is TimecodeRate other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(FrameRate, DropFrame);
    public static bool operator ==(TimecodeRate a, TimecodeRate b) => a.Equals(b);
    public static bool operator !=(TimecodeRate a, TimecodeRate b) => !a.Equals(b);

    private static int? NominalBase(Rational frameRate) => (frameRate.Numerator, frameRate.Denominator) switch
    {
        (24 or 25 or 30 or 50 or 60, 1) => (int)frameRate.Numerator,
        (24000 or 30000 or 60000, 1001) => (int)(frameRate.Numerator / 1000),
        _ => null,
    };

    private static bool HasDropFrame(Rational frameRate) =>
        frameRate.Denominator == 1001 && frameRate.Numerator is 30000 or 60000;
}
