using Playout.Media.Time;
using static Playout.Media.Tests.Time.TestZones;

namespace Playout.Media.Tests.Time;

public class ZonedTimeTests
{
    [Fact]
    public void Ordinary_local_times_use_the_offset_in_force()
    {
        Assert.Equal(Utc(2025, 1, 15, 18), ZonedTime.ToInstant(new DateTime(2025, 1, 15, 18, 0, 0), London));
        Assert.Equal(Utc(2025, 7, 15, 17), ZonedTime.ToInstant(new DateTime(2025, 7, 15, 18, 0, 0), London));
        Assert.Equal(Utc(2025, 7, 15, 22), ZonedTime.ToInstant(new DateTime(2025, 7, 15, 18, 0, 0), NewYork));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 30)]
    [InlineData(1, 59)]
    public void A_time_in_the_spring_forward_gap_is_the_instant_the_clock_jumps(int hour, int minute)
    {
        // London 30 March 2025: 01:00 GMT becomes 02:00 BST at 01:00 UTC.
        Assert.Equal(Utc(2025, 3, 30, 1), ZonedTime.ToInstant(new DateTime(2025, 3, 30, hour, minute, 0), London));
        Assert.Equal(Utc(2025, 3, 30, 1), ZonedTime.ToInstant(new DateTime(2025, 3, 30, 2, 0, 0), London));
        // New York 9 March 2025: 02:00 EST becomes 03:00 EDT at 07:00 UTC.
        Assert.Equal(Utc(2025, 3, 9, 7), ZonedTime.ToInstant(new DateTime(2025, 3, 9, hour + 1, minute, 0), NewYork));
    }

    [Fact]
    public void An_ambiguous_fall_back_time_is_its_first_occurrence()
    {
        // London 26 October 2025: 01:00-02:00 happens in BST (00:00-01:00 UTC) and again in GMT.
        Assert.Equal(Utc(2025, 10, 26, 0, 30), ZonedTime.ToInstant(new DateTime(2025, 10, 26, 1, 30, 0), London));
        Assert.Equal(Utc(2025, 10, 26, 2), ZonedTime.ToInstant(new DateTime(2025, 10, 26, 2, 0, 0), London));
        // New York 2 November 2025: 01:30 EDT is 05:30 UTC, the first of the two.
        Assert.Equal(Utc(2025, 11, 2, 5, 30), ZonedTime.ToInstant(new DateTime(2025, 11, 2, 1, 30, 0), NewYork));
    }

    [Fact]
    public void The_kind_of_the_local_time_is_ignored()
    {
        var local = new DateTime(2025, 7, 15, 18, 0, 0, DateTimeKind.Utc);
        Assert.Equal(Utc(2025, 7, 15, 17), ZonedTime.ToInstant(local, London));
    }
}
