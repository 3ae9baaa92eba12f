namespace Playout.Media.Time;

/// <summary>
/// Local wall-clock time in a <see cref="TimeZoneInfo"/> → UTC instant, with one answer for every local time:
/// a time inside a spring-forward gap (which no clock shows) maps to the instant the clock jumps, and a
/// fall-back time that the clock shows twice maps to its first occurrence.
/// </summary>
public static class ZonedTime
{
    /// <param name="local">A wall-clock reading in <paramref name="zone"/>; its <see cref="DateTime.Kind"/> is ignored.</param>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
            return Utc(local.Ticks - zone.GetAmbiguousTimeOffsets(local).Max().Ticks);
        if (zone.IsInvalidTime(local))
            return JumpInstant(local, zone);
        return Utc(local.Ticks - zone.GetUtcOffset(local).Ticks);
    }

    // Bisects a day either side for the first instant whose offset differs from the one before the gap;
    // asking the zone for offsets, rather than reading its rules, works for tzdata and custom zones alike.
    private static DateTimeOffset JumpInstant(DateTime local, TimeZoneInfo zone)
    {
        long near = local.Ticks - zone.BaseUtcOffset.Ticks;
        long before = near - TimeSpan.TicksPerDay, after = near + TimeSpan.TicksPerDay;
        var offsetBefore = OffsetAt(zone, before);
        while (after - before > 1)
        {
            long middle = before + (after - before) / 2;
            if (OffsetAt(zone, middle) == offsetBefore)
                before = middle;
            else
                after = middle;
        }
        return Utc(after);
    }

    private static TimeSpan OffsetAt(TimeZoneInfo zone, long utcTicks) => zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc));

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}
