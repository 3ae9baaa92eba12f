using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;

namespace Playout.Engine.Tests.AlarmModel;

public sealed class AlarmJournalTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private readonly string _folder = Directory.CreateTempSubdirectory("playout-alarms-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A service run: the board restored from the journal, its changes written to it.</summary>
    private (AlarmBoard Board, AlarmJournal Journal) Start(ManualTime time, TimeSpan? grace = null)
    {
        var journal = AlarmJournal.Open(_folder, NullLogger.Instance);
        var board = new AlarmBoard(NullLogger.Instance, time, AlarmDamping.None with { RestartGrace = grace ?? TimeSpan.FromSeconds(30) });
        board.Restore(journal.Listed, journal.LastId);
        board.Subscribe(journal.Record);
        return (board, journal);
    }

    private static void Stop(AlarmBoard board, AlarmJournal journal)
    {
        Assert.True(board.Flush(Wait));
        board.Dispose();
        journal.Dispose();
    }

    [Fact]
    public void Alarms_and_their_acknowledgements_survive_a_restart_and_ids_are_never_given_twice()
    {
        var time = new ManualTime();
        var (board, journal) = Start(time);
        board.Raise("c/clock", AlarmSeverity.Major, "reference lost");
        board.Raise("c/media", AlarmSeverity.Warning, "missing clip");
        board.Raise("c/tick", AlarmSeverity.Critical, "tick failed");
        board.Acknowledge(1, "ann", "engineer called");
        board.Clear("c/media"); // cleared, not acknowledged: stays listed
        board.Clear("c/tick");
        board.Acknowledge(3, "ann", null); // cleared and acknowledged: gone
        var before = board.Listed;
        Stop(board, journal);

        time.Now += TimeSpan.FromMinutes(5);
        (board, journal) = Start(time);
        Assert.Equal(before, board.Listed);
        Assert.Equal(new AlarmAck("ann", before[0].Ack!.At, "engineer called"), board.Find(1)!.Ack);
        board.Raise("c/other", AlarmSeverity.Warning, "new");
        Assert.Equal(4, board.Active.Single(a => a.Source == "c/other").Id);
        Stop(board, journal);
    }

    [Fact]
    public void An_alarm_active_at_the_stop_keeps_its_id_if_raised_again_within_the_grace_and_clears_if_not()
    {
        var time = new ManualTime();
        var (board, journal) = Start(time);
        board.Raise("c/clock", AlarmSeverity.Major, "reference lost");
        board.Raise("c/output", AlarmSeverity.Major, "encoder failed");
        Stop(board, journal);

        (board, journal) = Start(time, TimeSpan.FromSeconds(10));
        time.Now += TimeSpan.FromSeconds(3);
        board.Raise("c/clock", AlarmSeverity.Major, "reference lost");
        time.Now += TimeSpan.FromSeconds(10);
        var clock = Assert.Single(board.Active);
        Assert.Equal((1L, "c/clock"), (clock.Id, clock.Source));
        var output = board.Find(2);
        Assert.Equal(time.Now, output!.ClearedAt); // its condition did not come back: cleared, and listed for acknowledging
        Stop(board, journal);
    }

    [Fact]
    public void A_damaged_line_is_skipped_and_the_journal_is_compacted_to_what_is_listed()
    {
        var time = new ManualTime();
        var (board, journal) = Start(time);
        for (int i = 0; i < 50; i++)
        {
            board.Raise("c/flap", AlarmSeverity.Warning, "flap");
            board.Clear("c/flap");
            board.Acknowledge(board.Listed.Single().Id, "ann", null);
        }
        board.Raise("c/kept", AlarmSeverity.Major, "kept");
        Stop(board, journal);
        File.AppendAllText(Path.Combine(_folder, AlarmJournal.FileName), "{\"kind\":\"raised\",\"alarm\":{\"id\":\"x\n{torn");

        (board, journal) = Start(time);
        Assert.Equal("kept", Assert.Single(board.Listed).Message);
        Assert.Equal(2, File.ReadAllLines(journal.Path).Length); // the last id and the one listed alarm
        board.Raise("c/new", AlarmSeverity.Major, "new");
        Assert.Equal(52, board.Active.Single(a => a.Source == "c/new").Id);
        Stop(board, journal);
    }
}
