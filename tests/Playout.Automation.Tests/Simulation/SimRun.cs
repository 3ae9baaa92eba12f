using Microsoft.Extensions.Logging.Abstractions;
using Playout.Automation.AsRun;
using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.Automation.Timing;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Modules;
using Playout.Engine.Producers;
using Playout.Media.Formats;
using Playout.TestSupport;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// Runs a scenario: a 576i50 channel driven by its automation on a clock that jumps to the next frame where anything can
/// happen (a queued command, an item's start or its cue and pre-roll points, a fixed start of the schedule, an action, or
/// 20 s on), pumping the automation before every tick as its own thread would. After every step each invariant is checked;
/// the first that fails ends the run with a <see cref="SimFailureException"/> saying what, when, and how to replay it.
/// A restart stops the automation and the channel as the service does and starts both again at the same channel time,
/// over the same as-run journal, with the schedule as it stood.
/// </summary>
internal sealed class SimRun : IDisposable
{
    private const string Format = "576i50";
    private static readonly DateTimeOffset Epoch = new(SimScenario.FirstDay.ToDateTime(new TimeOnly(5, 59)), TimeSpan.Zero);

    private readonly SimScenario _scenario;
    private readonly ScheduleSettings _settings = ScheduleSettings.Default;
    private readonly ScheduleTimeBase _time;
    private readonly TempDirectory _folder = new();
    private readonly SimState _state;
    private readonly FixedEventsAirOnTheirFrame _fixed = new();
    private readonly ISimInvariant[] _invariants;
    private readonly Dictionary<string, (int Y, int Cb, int Cr)> _samples = [];
    private readonly FramePicker _frames;
    private ChannelContext _context = null!;
    private Channel _channel = null!;
    private SimClock _clock = null!;
    private ProgrammeProbe _probe = null!;
    private AsRunJournal _journal = null!;
    private ChannelAutomation _automation = null!;
    private AsRunEntry? _lastSeen;
    private long _ticks;
    private long _rundownChecked = long.MinValue / 2;

    public SimRun(SimScenario scenario)
    {
        _scenario = scenario;
        var rate = VideoFormats.Parse(Format).FrameRate;
        _time = new ScheduleTimeBase(Epoch, rate, _settings.TimeZone);
        _frames = new FramePicker(_time.Frames(_settings.CueAhead), _time.Frames(PrerollBudget.Window), _time.Frames(TimeSpan.FromSeconds(20)));
        _state = new SimState(_time, _settings, Math.Max(2, _time.Frames(TimeSpan.FromMilliseconds(120)))) { SampleOf = SampleOf };
        _invariants = [new OnAirMatchesProgramme(), _fixed, new NothingAirsTwice(), new FinalStatusNeverChanges(), new AsRunCoversTime(),
            new FillerOnlyInGaps(), new EndOfScheduleAlarmed(), new RundownAgreesWithStatus()];
    }

    /// <summary>What the run did, for the test's output: ticks run, entries by status, fixed starts checked, actions and restarts.</summary>
    public string Summary =>
        $"{_ticks} ticks run over {_scenario.Days} days; as-run: {string.Join(", ", _state.AsRun.GroupBy(e => e.Status).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"))}; "
        + $"{_fixed.Checked} fixed starts checked; {_state.Done.Count(d => d.Ok)} actions done, {_state.Done.Count(d => !d.Ok)} refused; {_state.Restarts.Count} restarts";

    /// <summary>Runs the scenario to the end of its last day (and ten minutes on); throws <see cref="SimFailureException"/> at the first invariant broken.</summary>
    public void Run()
    {
        var schedule = ChannelSchedule.Empty.With(_scenario.Schedule);
        Assert.Empty(ScheduleValidator.Validate(schedule, null));
        Start(0, schedule);
        long end = _time.TickAtLocal(SimScenario.FirstDay.AddDays(_scenario.Days), _settings.DayStart) + _time.Frames(TimeSpan.FromMinutes(10));
        int next = 0;
        while (true)
        {
            long now = _channel.Tick;
            _state.ActedNow = false;
            while (next < _scenario.Actions.Count && TickOf(_scenario.Actions[next]) <= now)
            {
                Perform(_scenario.Actions[next++], now);
                _state.ActedNow = true;
                now = _channel.Tick;
            }
            _automation.Pump();
            Observe(now);
            Verify();
            if (now >= end)
                break;
            _clock.Next = _frames.Next(now, next < _scenario.Actions.Count ? TickOf(_scenario.Actions[next]) : long.MaxValue, _channel.NextCommandTick,
                _automation.Plan.Items, _fixed.Fixed(_state).Select(f => f.Tick));
            // Producers retire off the tick on a thread of their own: in real time they are long closed by the next step, so the
            // simulation waits for them (else a week in seconds would run the pool dry, and runs would not replay alike).
            _context.Background.Drain(TimeSpan.FromSeconds(10));
            _channel.RunTicks(1);
            _ticks++;
            _state.Sample = _probe.Last;
        }
        _state.Ended = true;
        Verify();
        foreach (var day in _journal.Days())
        {
            var journal = _journal.Read(day);
            if (!journal.SequenceEqual(_state.AsRun.Where(e => e.Day == day)))
                Fail(new SimFailure("the journal holds every entry", "-", $"the journal of {day:yyyy-MM-dd} has {journal.Count} entries, the automations wrote {_state.AsRun.Count(e => e.Day == day)}", []));
        }
    }

    public void Dispose()
    {
        _automation?.Dispose();
        _channel?.Dispose();
        _journal?.Dispose();
        _context?.Dispose();
        _folder.Dispose();
    }

    private long TickOf(SimAction action) => action.Second * _time.Frames(TimeSpan.FromSeconds(1));

    /// <summary>Puts a channel on air at <paramref name="frame"/> with its automation over the journal, running <paramref name="schedule"/>.</summary>
    private void Start(long frame, ChannelSchedule schedule)
    {
        _context = new ChannelContext("channel 1", VideoFormats.Parse(Format), 64, 128, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
        _clock = new SimClock(frame, Epoch);
        _channel = new Channel(_context, _clock, SyntheticProducers.Color(_context, "black"));
        _probe = new ProgrammeProbe();
        _channel.AddConsumer(_probe);
        // As in the service, the channel is on air (its programme empty) before its automation is built.
        _channel.RunTicks(1);
        _journal = new AsRunJournal(_folder.Path);
        var real = new EventSources(_context, new ModuleRegistry(StandardModules.All), path => path, _settings.Filler);
        _automation = new ChannelAutomation(_channel, new SchedulePlanner(_settings, _time), new SimSources(real, _context), _time, _journal);
        Assert.True(_automation.Apply(_ => schedule).Ok);
        _lastSeen = null;
        _state.Sample = _probe.Last;
    }

    /// <summary>The service stops (the automation logs the item on air) and starts again at the same channel time.</summary>
    private void Restart()
    {
        long tick = _channel.Tick;
        var schedule = _automation.Schedule;
        _automation.Dispose();
        int from = _state.AsRun.Count;
        Collect();
        _state.Restarts.Add(new SimRestart(tick, [.. _state.AsRun.Skip(from)]));
        _channel.Dispose();
        _journal.Dispose();
        _context.Dispose();
        Start(tick, schedule);
    }

    private void Observe(long now)
    {
        Collect();
        _state.Now = now;
        _state.Status = _automation.Status();
        // Laying the rundown out every step would cost a plan a frame: it is checked after each action, and after cuts at
        // most once a simulated minute.
        var today = _time.BroadcastDayOf(now, _settings.DayStart);
        bool due = _state.ActedNow || _state.NewEntries.Any() && now - _rundownChecked >= _time.Frames(TimeSpan.FromMinutes(1));
        _state.Rundown = due ? _automation.Rundown(TimeSpan.FromHours(1), _state.AsRun.Where(e => e.Day == today)) : null;
        if (due)
            _rundownChecked = now;
        _state.Schedule = _automation.Schedule;
        _state.Alarms = _context.Alarms;
    }

    /// <summary>
    /// Adds the entries the automation wrote since the last look: from its recent entries, or, when one step wrote more than
    /// those hold, from the journal (each day's file in the order written).
    /// </summary>
    private void Collect()
    {
        var recent = _automation.RecentAsRun;
        int from = _lastSeen is null ? 0 : -1;
        for (int i = recent.Count - 1; i >= 0 && from < 0; i--)
        {
            if (ReferenceEquals(recent[i], _lastSeen))
                from = i + 1;
        }
        if (from < 0)
        {
            var known = _state.AsRun.GroupBy(e => e.Day).ToDictionary(g => g.Key, g => g.Count());
            foreach (var day in _journal.Days())
                foreach (var entry in _journal.Read(day).Skip(known.GetValueOrDefault(day)))
                    _state.Add(entry);
        }
        else
        {
            for (int i = from; i < recent.Count; i++)
                _state.Add(recent[i]);
        }
        if (recent.Count > 0)
            _lastSeen = recent[^1];
    }

    private void Verify()
    {
        foreach (var invariant in _invariants)
        {
            if (invariant.Check(_state) is { } failure)
                Fail(failure);
        }
        _state.NewFrom = _state.AsRun.Count;
    }

    private void Fail(SimFailure failure)
    {
        var lines = failure.Lines.Select(SimState.Line);
        var recent = _state.Done.TakeLast(8).Select(d => $"{_state.When(d.Tick)} {d.Action} on {d.Key ?? "-"}: {d.Result}")
            .Concat(_state.Restarts.TakeLast(3).Select(r => $"{_state.When(r.Tick)} restart"));
        throw new SimFailureException(
            $"invariant \"{failure.Invariant}\" broken at {_state.When(_state.Now)}: {failure.Key}: {failure.What}\n"
            + $"  as-run lines:\n    {string.Join("\n    ", lines)}\n"
            + $"  channel: {Programme()}\n"
            + $"  recent actions:\n    {string.Join("\n    ", recent)}\n"
            + $"  replay (the generated scenario; FsCheck prints the one it shrank to): {_scenario.Replay}");
    }

    /// <summary>The programme layer and the video pool as the channel last saw them.</summary>
    private string Programme()
    {
        var layer = _channel.Status().Layers.FirstOrDefault(l => l.Number == _settings.ProgrammeLayer);
        return $"programme layer {layer?.Foreground ?? "empty"}{(layer?.Failure is { } failure ? $" (failed: {failure})" : "")}, "
            + $"{layer?.FillerTicks ?? 0} filler ticks; video pool {_context.VideoPool.Outstanding}/{_context.VideoPool.Capacity} out";
    }

    private void Perform(SimAction action, long now)
    {
        var (key, result) = action.Kind == SimActionKind.Restart ? (null, EditResult.Done(_automation.Schedule.Version))
            : SimOperator.Perform(_automation, _time, _settings, action, now);
        if (action.Kind == SimActionKind.Restart)
            Restart();
        _state.Done.Add(new SimDone(now, action, key, result.Ok, result.Ok ? "done" : result.Reason!));
    }

    /// <summary>What the programme's centre shows for a colour (null: black, the filler).</summary>
    private (int Y, int Cb, int Cr) SampleOf(string? colour)
    {
        colour ??= _settings.Filler;
        if (!_samples.TryGetValue(colour, out var sample))
        {
            using var still = SyntheticProducers.Color(_context, colour);
            Assert.True(still.TryReceive(new ProduceContext(0, 0, long.MaxValue), out var frame));
            try
            {
                _samples[colour] = sample = ProgrammeProbe.Centre(frame.Video!);
            }
            finally
            {
                frame.Video!.Release();
            }
        }
        return sample;
    }
}
