using Playout.Automation.AsRun;
using Playout.Automation.Schedules;
using Playout.Engine.Alarms;
using static Playout.Automation.Tests.Runtime.LoopingDay;

namespace Playout.Automation.Tests.Runtime;

/// <summary>A channel's alarms are written to its as-run log: raise, acknowledge and clear, each at the time it happened.</summary>
public sealed class AlarmAsRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("playout-alarm-asrun-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void An_alarms_raise_acknowledge_and_clear_are_as_run_notes_at_their_air_time_and_never_items()
    {
        var journal = new AsRunJournal(_folder);
        using (var channel = new AutomatedChannel(Epoch, journal: journal))
        {
            channel.Load(new DaySchedule(Day, [Loop()]));
            channel.RunUntil(200);
            var raised = new Alarm(7, "channel 1/layer 10", AlarmSeverity.Major, "clip b.mxf missing", Epoch + TimeSpan.FromSeconds(4));
            var acked = raised with { Ack = new AlarmAck("ann", Epoch + TimeSpan.FromSeconds(5), "replaced the file") };
            channel.Automation.Note(new AlarmEvent(AlarmEventKind.Raised, raised));
            channel.Automation.Note(new AlarmEvent(AlarmEventKind.Acknowledged, acked));
            channel.Automation.Note(new AlarmEvent(AlarmEventKind.Cleared, acked with { ClearedAt = Epoch + TimeSpan.FromSeconds(6.2) }));

            var notes = channel.Automation.RecentAsRun.Where(e => e.Status == AsRunStatus.Alarm).ToArray();
            Assert.Equal(
                [(100L, "20:45:54:00", "raised, major: clip b.mxf missing"), (125L, "20:45:55:00", "acknowledged by ann: replaced the file"),
                 (155L, "20:45:56:05", "cleared: clip b.mxf missing")],
                notes.Select(n => (n.ActualTick!.Value, n.ActualTimecode!, n.Reason!)));
            Assert.All(notes, n => Assert.Equal(("alarm 7", "7", "channel 1/layer 10", "alarm", Day), (n.Key, n.EventId, n.Title, n.Kind, n.Day)));
        }
        var written = journal.Read(Day);
        Assert.Equal(3, written.Count(e => e.Status == AsRunStatus.Alarm));
        journal.Dispose();

        // After a restart the notes are no items: the loop's history comes from the items alone, and nothing is replayed.
        using var restarted = new AutomatedChannel(Epoch, journal: new AsRunJournal(_folder));
        restarted.Load(new DaySchedule(Day, [Loop()]));
        restarted.RunUntil(300);
        Assert.DoesNotContain(restarted.Automation.RecentAsRun, e => e.Status == AsRunStatus.Alarm);
        Assert.DoesNotContain(restarted.Automation.RecentAsRun, e => e.ActualTick < 200 && e.Status.IsItem() && !e.Continued);
    }
}
