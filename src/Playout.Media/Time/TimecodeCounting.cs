namespace Playout.Media.Time;

/// <summary>
/// Frame count since 00:00:00:00 ⇄ timecode fields. Drop-frame only renames frames: every ten minutes hold
/// 600·base − 9·dropped frames (17 982 at 29.97), and the first minute of each ten keeps all its numbers.
/// </summary>
internal static class TimecodeCounting
{
    public static (int Hours, int Minutes, int Seconds, int Frames) ToFields(long frameCount, TimecodeRate rate)
    {
        long day = rate.FramesPerDay;
        long frame = (frameCount % day + day) % day;
        int dropped = rate.DroppedPerMinute;
        if (dropped > 0)
        {
            long perTenMinutes = 600L * rate.Base - 9 * dropped;
            long perDroppedMinute = 60L * rate.Base - dropped;
            long tens = frame / perTenMinutes, rest = frame % perTenMinutes;
            // Add back the numbers skipped so far: 9 minutes' worth per whole ten, plus one per minute begun after the first.
            frame += 9 * dropped * tens + (rest < dropped ? 0 : dropped * ((rest - dropped) / perDroppedMinute));
        }
        long seconds = frame / rate.Base;
        return ((int)(seconds / 3600), (int)(seconds / 60 % 60), (int)(seconds % 60), (int)(frame % rate.Base));
    }

    public static long ToFrameCount(int hours, int minutes, int seconds, int frames, TimecodeRate rate)
    {
        long totalMinutes = 60L * hours + minutes;
        long nominal = (totalMinutes * 60 + seconds) * rate.Base + frames;
        return nominal - rate.DroppedPerMinute * (totalMinutes - totalMinutes / 10);
    }

    /// <summary>Why these fields are not a timecode at this rate, naming the field; null when they are one.</summary>
    public static string? Problem(int hours, int minutes, int seconds, int frames, TimecodeRate rate)
    {
        if (rate.Base == 0)
            return "the rate is default(TimecodeRate), not a frame rate";
        if (hours is < 0 or > 23)
            return $"hours {hours} is outside 0-23";
        if (minutes is < 0 or > 59)
            return $"minutes {minutes} is outside 0-59";
        if (seconds is < 0 or > 59)
            return $"seconds {seconds} is outside 0-59";
        if (frames < 0 || frames >= rate.Base)
            return $"frames {frames} is outside 0-{rate.Base - 1} at {rate}";
        if (seconds == 0 && minutes % 10 != 0 && frames < rate.DroppedPerMinute)
            return $"frames {frames:00} does not exist in minute {minutes:00} at {rate}: drop-frame skips frames 00-{rate.DroppedPerMinute - 1:00} "
                + "at the start of every minute except minutes 00, 10, 20, 30, 40 and 50";
        return null;
    }
}
