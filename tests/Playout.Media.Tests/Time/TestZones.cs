namespace Playout.Media.Tests.Time;

/// <summary>Custom zones with the current EU and US rules, so DST tests do not depend on the machine's tzdata.</summary>
internal static class TestZones
{
    /// <summary>UTC+0, summer time +1 h from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.</summary>
    public static TimeZoneInfo London { get; } = Create("Test/London", TimeSpan.Zero,
        TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 1, 0, 0), 3, 5, DayOfWeek.Sunday),
        TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 10, 5, DayOfWeek.Sunday));

    /// <summary>UTC−5, summer time +1 h from 02:00 local on the second Sunday of March to 02:00 local on the first Sunday of November.</summary>
    public static TimeZoneInfo NewYork { get; } = Create("Test/NewYork", TimeSpan.FromHours(-5),
        TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 2, DayOfWeek.Sunday),
        TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 11, 1, DayOfWeek.Sunday));

    private static TimeZoneInfo Create(string id, TimeSpan baseOffset, TimeZoneInfo.TransitionTime start, TimeZoneInfo.TransitionTime end)
    {
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
        return TimeZoneInfo.CreateCustomTimeZone(id, baseOffset, id, id + " standard", id + " summer", [rule]);
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);
}
