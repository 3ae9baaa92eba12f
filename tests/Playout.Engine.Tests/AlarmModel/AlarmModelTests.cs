using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;

namespace Playout.Engine.Tests.AlarmModel;

public class AlarmModelTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private static (AlarmBoard Board, ConcurrentQueue<AlarmEvent> Events) Observed(ManualTime time, AlarmDamping? damping = null)
    {
        var board = new AlarmBoard(NullLogger.Instance, time, damping);
        var events = new ConcurrentQueue<AlarmEvent>();
        board.Subscribe(events.Enqueue);
        return (board, events);
    }

    [Fact]
    public void Each_occurrence_gets_its_own_id_and_the_same_condition_raised_again_keeps_it()
    {
        var time = new ManualTime();
        using var board = new AlarmBoard(NullLogger.Instance, time);
        board.Raise("c/tick", AlarmSeverity.Critical, "tick failed");
        board.Raise("c/mixer", AlarmSeverity.Critical, "mixing failed");
        board.Raise("c/tick", AlarmSeverity.Critical, "tick failed");
        var first = board.Active.Select(a => a.Id).ToArray();
        Assert.Equal([1L, 2L], first);
        board.Clear("c/tick");
        board.Raise("c/tick", AlarmSeverity.Critical, "tick failed");
        Assert.Equal(3, board.Active.Single(a => a.Source == "c/tick").Id);
        Assert.Equal(3, board.RaisedCount);
    }

    [Fact]
    public void Source_names_the_channel_and_the_kind_of_part()
    {
        using var board = new AlarmBoard(NullLogger.Instance, new ManualTime());
        board.Raise("news/layer 10", AlarmSeverity.Major, "failed");
        board.Raise("news/output card 1", AlarmSeverity.Major, "failed");
        board.Raise("news/probe/black", AlarmSeverity.Major, "black");
        board.Raise("news/stream udp://127.0.0.1:5000", AlarmSeverity.Warning, "behind");
        board.Raise("news/clock", AlarmSeverity.Major, "lost");
        board.Raise("media", AlarmSeverity.Warning, "scan failed");
        var kinds = board.Active.ToDictionary(a => a.Source, a => (a.Channel, a.Kind));
        Assert.Equal(("news", AlarmSourceKind.Layer), kinds["news/layer 10"]);
        Assert.Equal(("news", AlarmSourceKind.Output), kinds["news/output card 1"]);
        Assert.Equal(("news", AlarmSourceKind.Probe), kinds["news/probe/black"]);
        Assert.Equal(("news", AlarmSourceKind.Output), kinds["news/stream udp://127.0.0.1:5000"]);
        Assert.Equal(("news", AlarmSourceKind.Channel), kinds["news/clock"]);
        Assert.Equal(((string?)null, AlarmSourceKind.Service), kinds["media"]);
    }

    [Fact]
    public void A_cleared_alarm_stays_listed_until_acknowledged_and_an_acknowledged_active_one_goes_when_it_clears()
    {
        var time = new ManualTime();
        var (board, events) = Observed(time);
        using var _ = board;
        board.Raise("c/a", AlarmSeverity.Major, "a");
        board.Raise("c/b", AlarmSeverity.Warning, "b");
        long a = board.Active[0].Id, b = board.Active[1].Id;

        board.Clear("c/a");
        Assert.DoesNotContain(board.Active, x => x.Id == a);
        var cleared = Assert.Single(board.Listed, x => x.Id == a);
        Assert.Equal(time.Now, cleared.ClearedAt);

        time.Now += TimeSpan.FromMinutes(1);
        Assert.True(board.Acknowledge(a, "ann", "checked the file"));
        Assert.DoesNotContain(board.Listed, x => x.Id == a);

        Assert.True(board.Acknowledge(b, "bob", null));
        var acked = Assert.Single(board.Active);
        Assert.Equal(new AlarmAck("bob", time.Now, null), acked.Ack);
        Assert.True(board.Acknowledge(b, "carl", "again")); // already seen: nothing changes
        Assert.Equal("bob", board.Active[0].Ack!.Who);
        board.Clear("c/b");
        Assert.Empty(board.Listed);
        Assert.False(board.Acknowledge(b, "ann", null));
        Assert.False(board.Acknowledge(99, "ann", null));

        Assert.True(board.Flush(Wait));
        Assert.Equal(
            [(AlarmEventKind.Raised, a), (AlarmEventKind.Raised, b), (AlarmEventKind.Cleared, a), (AlarmEventKind.Acknowledged, a),
             (AlarmEventKind.Acknowledged, b), (AlarmEventKind.Cleared, b)],
            events.Select(e => (e.Kind, e.Alarm.Id)));
        Assert.Equal("checked the file", events.Single(e => e.Kind == AlarmEventKind.Acknowledged && e.Alarm.Id == a).Alarm.Ack!.Comment);
    }

    [Fact]
    public void A_condition_shorter_than_the_hold_off_never_becomes_an_alarm_and_a_longer_one_does()
    {
        var time = new ManualTime();
        var (board, events) = Observed(time, AlarmDamping.None with { HoldOff = TimeSpan.FromSeconds(2) });
        using var _ = board;
        board.Raise("c/silence", AlarmSeverity.Major, "silent");
        Assert.True(board.IsActive("c/silence"));
        time.Now += TimeSpan.FromSeconds(1.5);
        Assert.Empty(board.Listed);
        board.Clear("c/silence");
        Assert.False(board.IsActive("c/silence"));

        board.Raise("c/silence", AlarmSeverity.Major, "silent again");
        time.Now += TimeSpan.FromSeconds(2);
        var alarm = Assert.Single(board.Listed); // raised by the board's sweep, not by the source raising again
        Assert.Equal("silent again", alarm.Message);
        Assert.Equal(time.Now, alarm.RaisedAt);
        Assert.True(board.Flush(Wait));
        Assert.Equal([AlarmEventKind.Raised], events.Select(e => e.Kind));
    }

    [Fact]
    public void A_condition_back_within_the_clear_delay_is_the_same_alarm_and_no_clear_is_sent()
    {
        var time = new ManualTime();
        var (board, events) = Observed(time, AlarmDamping.None with { ClearDelay = TimeSpan.FromSeconds(5) });
        using var _ = board;
        for (int flap = 0; flap < 10; flap++)
        {
            board.Raise("c/output", AlarmSeverity.Warning, "behind");
            time.Now += TimeSpan.FromSeconds(1);
            board.Clear("c/output");
            time.Now += TimeSpan.FromSeconds(3);
        }
        Assert.Single(board.Active);
        time.Now += TimeSpan.FromSeconds(2);
        Assert.Empty(board.Active);
        Assert.True(board.Flush(Wait));
        Assert.Equal([AlarmEventKind.Raised, AlarmEventKind.Cleared], events.Select(e => e.Kind));
        Assert.Equal(1, board.RaisedCount);
    }

    [Fact]
    public void A_new_severity_is_news_it_is_raised_again_under_the_same_id_and_needs_acknowledging_again()
    {
        var time = new ManualTime();
        var (board, events) = Observed(time);
        using var _ = board;
        board.Raise("c/schedule", AlarmSeverity.Warning, "end of schedule in 10 min");
        long id = board.Active[0].Id;
        board.Acknowledge(id, "ann", null);
        board.Raise("c/schedule", AlarmSeverity.Warning, "end of schedule in 9 min"); // same severity: updated quietly
        Assert.NotNull(board.Active[0].Ack);
        board.Raise("c/schedule", AlarmSeverity.Major, "filler on air");
        var alarm = Assert.Single(board.Active);
        Assert.Equal((id, AlarmSeverity.Major, "filler on air", (AlarmAck?)null), (alarm.Id, alarm.Severity, alarm.Message, alarm.Ack));
        Assert.True(board.Flush(Wait));
        Assert.Equal([AlarmEventKind.Raised, AlarmEventKind.Acknowledged, AlarmEventKind.Raised], events.Select(e => e.Kind));
    }

    [Fact]
    public void A_failing_observer_does_not_stop_the_others()
    {
        using var board = new AlarmBoard(NullLogger.Instance, new ManualTime());
        var seen = new ConcurrentQueue<long>();
        board.Subscribe(_ => throw new InvalidOperationException("observer broke"));
        board.Subscribe(e => seen.Enqueue(e.Alarm.Id));
        board.Raise("c/a", AlarmSeverity.Major, "a");
        board.Raise("c/b", AlarmSeverity.Major, "b");
        Assert.True(board.Flush(Wait));
        Assert.Equal([1L, 2L], seen);
    }

    [Fact]
    public void Events_reach_observers_off_the_raisers_thread()
    {
        using var board = new AlarmBoard(NullLogger.Instance, new ManualTime());
        int observerThread = 0;
        board.Subscribe(_ => observerThread = Environment.CurrentManagedThreadId);
        board.Raise("c/a", AlarmSeverity.Major, "a");
        Assert.True(board.Flush(Wait));
        Assert.NotEqual(0, observerThread);
        Assert.NotEqual(Environment.CurrentManagedThreadId, observerThread);
    }

    [Fact]
    public void Only_the_newest_cleared_alarms_are_kept_when_nobody_acknowledges_them()
    {
        using var board = new AlarmBoard(NullLogger.Instance, new ManualTime(), AlarmDamping.None with { KeepCleared = 3 });
        for (int i = 0; i < 5; i++)
        {
            board.Raise($"c/{i}", AlarmSeverity.Warning, "w");
            board.Clear($"c/{i}");
        }
        Assert.Equal([3L, 4L, 5L], board.Listed.Select(a => a.Id));
    }
}
