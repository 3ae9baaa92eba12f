namespace Playout.Media.Metadata;

/// <summary>
/// Times as DVB service information writes them (ETSI EN 300 468, annex C): a start time as the Modified Julian Date
/// and the UTC time of day in binary-coded decimal, a duration as hours, minutes and seconds in BCD.
/// </summary>
public static class DvbTime
{
    /// <summary>All ones: a time or duration that is not defined.</summary>
    public static readonly byte[] Undefined = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF];

    /// <summary>The 40-bit start_time of <paramref name="time"/> (UTC, to the second): MJD (16 bits), then hh mm ss in BCD.</summary>
    public static byte[] StartTime(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        int mjd = (int)(utc.Date - new DateTime(1858, 11, 17, 0, 0, 0, DateTimeKind.Utc)).TotalDays;
        return [(byte)(mjd >> 8), (byte)mjd, Bcd(utc.Hour), Bcd(utc.Minute), Bcd(utc.Second)];
    }

    /// <summary>The 24-bit duration hh mm ss in BCD, to the nearest second; up to 99:59:59.</summary>
    public static byte[] Duration(TimeSpan duration)
    {
        long seconds = Math.Clamp((long)Math.Round(duration.TotalSeconds), 0, 99 * 3600 + 59 * 60 + 59);
        return [Bcd((int)(seconds / 3600)), Bcd((int)(seconds / 60 % 60)), Bcd((int)(seconds % 60))];
    }

    private static byte Bcd(int value) => (byte)(value / 10 << 4 | value % 10);
}
