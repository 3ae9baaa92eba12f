using Microsoft.Extensions.Logging.Abstractions;
using Playout.Automation.AsRun;
using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.Automation.Timing;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Consumers;
using Playout.Engine.Library;
using Playout.Engine.Modules;
using Playout.Engine.Producers;
using Playout.Media.Audio;
using Playout.Media.Formats;
using Playout.Media.Frames;

namespace Playout.Automation.Tests.Runtime;

/// <summary>
/// A channel on a simulated (unthrottled) clock driven by its automation: each step pumps the automation and runs
/// one tick on the test thread, and the programme's centre luma and Cb are recorded per tick. Events are colour fields
/// (or clips whose frames carry their number), so the samples say which event, and which of its frames, was on air.
/// </summary>
internal sealed class AutomatedChannel : IDisposable
{
    private readonly LumaRecorder _recorder;

    /// <param name="scte35">Makes the SCTE-35 output from the channel, for outputs added to it (null: none).</param>
    /// <param name="videoFrames">The channel's video pool.</param>
    /// <param name="patience">How long a tick waits for a late producer (null: one frame period), so a busy machine's decode time is not filler.</param>
    /// <param name="sources">Wraps the channel's event sources (to watch what the automation opens and closes).</param>
    /// <param name="loudness">The channel's per-item loudness normalisation, with <paramref name="measured"/> the files' measured loudness.</param>
    /// <param name="filler">The channel's filler colour, what its programme layer shows when its producer has nothing.</param>
    /// <param name="fallback">The silence failover's fallback (made from the channel's context); null: none.</param>
    /// <param name="media">The catalogue's length and radio markers of a clip (the media library's, in the service); null: none known.</param>
    public AutomatedChannel(DateTimeOffset epoch, string format = "576i50", ScheduleSettings? settings = null, AsRunJournal? journal = null,
        IDeviceCommands? devices = null, Func<ChannelContext, Channel, IScte35Output>? scte35 = null, int videoFrames = 24, TimeSpan? patience = null,
        Func<IEventSources, IEventSources>? sources = null, LoudnessNormalisation? loudness = null, Func<string, MediaLoudness?>? measured = null,
        string filler = "black", Func<ChannelContext, Producer>? fallback = null, Func<PrimaryEvent, MediaTimes?>? media = null)
    {
        Alarms = new AlarmBoard(NullLogger.Instance);
        Context = new ChannelContext("channel 1", VideoFormats.Parse(format), videoFrames, videoFrames * 2, NullLogger.Instance, Alarms);
        Channel = new Channel(Context, new UnthrottledClock(Context.Format.FrameRate, patience), SyntheticProducers.Color(Context, filler));
        _recorder = new LumaRecorder(Context.VideoPool);
        Channel.AddConsumer(_recorder);
        Settings = settings ?? ScheduleSettings.Default with { Lookahead = TimeSpan.FromSeconds(2) };
        Time = new ScheduleTimeBase(epoch, Context.Format.FrameRate, Settings.TimeZone);
        IEventSources events = new EventSources(Context, new ModuleRegistry(StandardModules.All), path => path, Settings.Filler,
            loudness: loudness, measured: measured);
        Automation = new ChannelAutomation(Channel, new SchedulePlanner(Settings, Time, media), sources?.Invoke(events) ?? events, Time, journal, devices,
            scte35?.Invoke(Context, Channel))
        {
            Fallback = fallback is null ? null : () => fallback(Context),
        };
    }

    public AlarmBoard Alarms { get; }
    public ChannelContext Context { get; }
    public Channel Channel { get; }
    public ScheduleSettings Settings { get; }
    public ScheduleTimeBase Time { get; }
    public ChannelAutomation Automation { get; }

    /// <summary>Centre luma of every tick's programme so far, indexed by tick.</summary>
    public IReadOnlyList<int> Luma => _recorder.Luma;

    /// <summary>Centre Cb of every tick's programme so far, indexed by tick.</summary>
    public IReadOnlyList<int> Cb => _recorder.Cb;

    /// <summary>The most video pool frames outstanding at any tick's output so far.</summary>
    public int PeakOutstanding => _recorder.PeakOutstanding;

    /// <summary>Loads the days and lets the automation plan them (and cue what is due).</summary>
    public void Load(params DaySchedule[] days)
    {
        Assert.True(Automation.Apply(s => s.With(days)).Ok);
        Automation.Pump();
    }

    /// <summary>Runs until the channel has played <paramref name="tick"/> (exclusive), pumping the automation before every tick.</summary>
    /// <param name="pumped">Called after each pump, before its tick.</param>
    public void RunUntil(long tick, Action? pumped = null)
    {
        while (Channel.Tick < tick)
        {
            Automation.Pump();
            pumped?.Invoke();
            Channel.RunTicks(1);
        }
        Automation.Pump();
    }

    /// <summary>The luma a colour field of <paramref name="colour"/> shows.</summary>
    public int LumaOf(string colour)
    {
        using var still = SyntheticProducers.Color(Context, colour);
        Assert.True(still.TryReceive(new ProduceContext(0, 0, long.MaxValue), out var frame));
        try
        {
            return LumaRecorder.Centre(frame.Video!);
        }
        finally
        {
            frame.Video!.Release();
        }
    }

    public void Dispose()
    {
        Automation.Dispose();
        Channel.Dispose();
        Assert.Equal(0, Context.VideoPool.Outstanding);
        Context.Dispose();
    }

    private sealed class LumaRecorder(FramePool pool) : IConsumer
    {
        public List<int> Luma { get; } = [];
        public List<int> Cb { get; } = [];
        public int PeakOutstanding { get; private set; }
        public string Name => "luma recorder";

        // Records on the tick thread, so the luma of tick n is there as soon as tick n has run.
        public bool NeverBlocks => true;
        public ConsumerCounters Counters => new(Luma.Count, 0);

        public void Send(long tick, Frame video, AudioFrame audio)
        {
            var (y, cb, _) = Simulation.ProgrammeProbe.Centre(video);
            Luma.Add(y);
            Cb.Add(cb);
            PeakOutstanding = Math.Max(PeakOutstanding, pool.Outstanding);
        }

        public static int Centre(Frame frame) => Simulation.ProgrammeProbe.Centre(frame).Y;

        public void Dispose()
        {
        }
    }
}
