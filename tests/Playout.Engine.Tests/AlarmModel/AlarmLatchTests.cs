using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;

namespace Playout.Engine.Tests.AlarmModel;

public class AlarmLatchTests
{
    [Fact]
    public void A_latched_alarm_stays_listed_after_its_condition_clears_until_the_latch_ends()
    {
        var time = new ManualTime();
        var alarms = new AlarmBoard(NullLogger.Instance, time);
        alarms.Raise("c/slips", AlarmSeverity.Major, "3 frame(s) slipped", TimeSpan.FromMinutes(15));
        alarms.Clear("c/slips");
        time.Now += TimeSpan.FromMinutes(14);
        Assert.True(alarms.IsActive("c/slips"));
        time.Now += TimeSpan.FromMinutes(2);
        Assert.False(alarms.IsActive("c/slips"));
        Assert.Empty(alarms.Active);
    }

    [Fact]
    public void A_condition_that_comes_and_goes_is_one_alarm_updated_not_raised_and_cleared_each_time()
    {
        var time = new ManualTime();
        var alarms = new AlarmBoard(NullLogger.Instance, time);
        alarms.Raise("c/clock", AlarmSeverity.Major, "reference lost", TimeSpan.FromMinutes(15));
        for (int i = 2; i <= 47; i++)
        {
            alarms.Clear("c/clock");
            time.Now += TimeSpan.FromSeconds(14);
            Assert.True(alarms.Update("c/clock", $"reference lost {i} times", TimeSpan.FromMinutes(15)));
        }
        var alarm = Assert.Single(alarms.Active);
        Assert.Equal("reference lost 47 times", alarm.Message);
        Assert.Equal(1, alarms.RaisedCount);
        // Still in its condition (updated, not cleared): it stays past the latch.
        time.Now += TimeSpan.FromHours(1);
        Assert.True(alarms.IsActive("c/clock"));
    }

    [Fact]
    public void An_alarm_without_a_latch_goes_when_cleared_and_an_update_needs_a_listed_alarm()
    {
        var alarms = new AlarmBoard(NullLogger.Instance, new ManualTime());
        Assert.False(alarms.Update("c/output", "late"));
        alarms.Raise("c/output", AlarmSeverity.Warning, "behind");
        alarms.Clear("c/output");
        Assert.False(alarms.IsActive("c/output"));
    }
}
