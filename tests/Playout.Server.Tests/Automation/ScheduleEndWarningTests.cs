using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Modules;
using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Automation;

/// <summary>The configured <c>endWarningMinutes</c> reaches the channel's automation: it decides whether the schedule's end is warned of.</summary>
public class ScheduleEndWarningTests
{
    [Theory]
    [InlineData(12, true)]
    [InlineData(3, false)]
    public void The_configured_window_decides_whether_a_schedule_ending_in_about_5_minutes_is_warned_of(int minutes, bool warned)
    {
        using var folder = new TempDirectory();
        // The broadcast day started an hour ago (to the minute); its one event runs 65 minutes: 4 to 5 minutes are left.
        var started = DateTimeOffset.UtcNow.AddHours(-1);
        started = new DateTimeOffset(started.Year, started.Month, started.Day, started.Hour, started.Minute, 0, TimeSpan.Zero);
        folder.Write("day.yaml", Encoding.UTF8.GetBytes($$"""
            date: {{started:yyyy-MM-dd}}
            events:
              - { id: last, kind: filler, source: "#404040", duration: "01:05:00" }
            """));
        string path = folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "state": "state",
              "channels": [{
                "name": "test channel", "format": "576i50", "clock": "system", "outputs": [],
                "automation": { "schedule": "day.yaml", "timeZone": "UTC", "dayStart": "{{started:HH\:mm}}", "endWarningMinutes": {{minutes}} }
              }]
            }
            """));
        var service = ServiceConfig.Load(path);
        var alarms = new AlarmBoard(NullLogger.Instance);

        using var runtime = ChannelRuntime.Start(service, service.Channels[0], NullLoggerFactory.Instance, alarms, new ModuleRegistry(StandardModules.All));

        var alarm = alarms.Active.SingleOrDefault(a => a.Source == "test channel/schedule");
        if (warned)
        {
            Assert.Equal(AlarmSeverity.Warning, alarm?.Severity);
            Assert.Matches("^end of schedule in [45] min$", alarm!.Message);
        }
        else
            Assert.Null(alarm);
    }
}
