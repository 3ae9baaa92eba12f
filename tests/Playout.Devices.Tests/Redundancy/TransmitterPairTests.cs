using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices.Redundancy;
using Playout.Devices.Tests.Transmitter;
using Playout.Devices.Transmitter;
using Playout.Engine.Alarms;
using Playout.HwSim.Transmitter;
using static Playout.Devices.Tests.Transmitter.TwinRig;

namespace Playout.Devices.Tests.Redundancy;

/// <summary>A main/reserve pair against two transmitter twins, with timings in hundreds of milliseconds.</summary>
public class TransmitterPairTests
{
    private static readonly TransmitterPairPolicy Fast = new()
    {
        HoldOff = TimeSpan.FromMilliseconds(300), CommsLoss = TimeSpan.FromMilliseconds(400), RestoreAfter = TimeSpan.FromMilliseconds(500),
        Poll = TimeSpan.FromMilliseconds(50),
    };

    [Fact]
    public async Task A_VSWR_trip_on_main_puts_the_reserve_on_air_after_the_hold_off_and_alarms()
    {
        await using var rig = await PairRig.Start(Fast);
        var changes = new List<TransmitterChangeover>();
        rig.Pair.ChangedOver += changes.Add;
        rig.MainTwin.Inject(TransmitterFault.VswrTrip);
        var tripped = DateTimeOffset.UtcNow;
        await Until(() => rig.Pair.Status().OnAir == TransmitterSide.Reserve, "on reserve");
        var took = DateTimeOffset.UtcNow - tripped;
        // Not before the hold-off; within it and a few looks of the device (50 ms polls) and the pair (50 ms), loaded machine allowed.
        Assert.InRange(took, Fast.HoldOff, Fast.HoldOff + TimeSpan.FromSeconds(2));
        await Until(() => rig.ReserveTwin.State.RfOn, "reserve RF on");
        Assert.False(rig.MainTwin.State.RfOn);
        Assert.Equal("off", rig.Main.Status().Settings.Single(s => s.Name == "rf").Desired);
        var status = rig.Pair.Status();
        Assert.Equal(("onReserve", "automatic", "automatic: tx-main: VSWR trip: RF off"), (status.State, status.LastChangeover!.Who, status.LastChangeover.Why));
        var alarm = rig.Rig.Alarms.Active.Single(a => a.Source == "transmitters pair/changeover");
        Assert.Equal(AlarmSeverity.Major, alarm.Severity);
        Assert.StartsWith("pair: on reserve (tx-reserve) since ", alarm.Message);
        Assert.EndsWith("because automatic: tx-main: VSWR trip: RF off (by automatic)", alarm.Message);
        Assert.Equal([TransmitterSide.Reserve], changes.Select(c => c.To));
    }

    [Fact]
    public async Task A_recorder_of_changeovers_that_throws_never_stops_the_watch()
    {
        await using var rig = await PairRig.Start(Fast with { Restore = true });
        rig.Pair.ChangedOver += _ => throw new IOException("as-run journal: disk full");
        rig.MainTwin.Inject(TransmitterFault.VswrTrip);
        await Until(() => rig.Pair.Status().OnAir == TransmitterSide.Reserve, "on reserve");
        // Still watching: main healthy again is restored to air.
        rig.MainTwin.Clear(TransmitterFault.VswrTrip);
        await rig.Main.SendAsync("reset", new Dictionary<string, string>(), default);
        await Until(() => rig.Pair.Status().OnAir == TransmitterSide.Main, "back on main after the recorder threw");
    }

    [Fact]
    public async Task A_fault_shorter_than_the_hold_off_changes_nothing()
    {
        await using var rig = await PairRig.Start(Fast with { HoldOff = TimeSpan.FromMilliseconds(1500) });
        rig.MainTwin.Inject(TransmitterFault.RfMute);
        await Until(() => rig.Rig.Alarms.IsActive("device tx-main/mute"), "mute alarm");
        await Task.Delay(300);
        rig.MainTwin.Clear(TransmitterFault.RfMute);
        await Until(() => !rig.Rig.Alarms.IsActive("device tx-main/mute"), "mute alarm cleared");
        await Task.Delay(1600);
        Assert.Equal(("onMain", null), (rig.Pair.Status().State, rig.Pair.Status().LastChangeover));
        Assert.Equal((true, false), (rig.MainTwin.State.RfOn, rig.ReserveTwin.State.RfOn));
    }

    [Fact]
    public async Task Main_silent_for_the_comms_loss_time_changes_over()
    {
        await using var rig = await PairRig.Start(Fast);
        rig.MainTwin.Inject(TransmitterFault.CommunicationsLoss);
        await Until(() => rig.Pair.Status().OnAir == TransmitterSide.Reserve, "on reserve");
        Assert.Equal("automatic: tx-main: no link for 0.4 s", rig.Pair.Status().LastChangeover!.Why);
        Assert.True(rig.ReserveTwin.State.RfOn);
    }

    [Fact]
    public async Task Both_faulty_raises_a_critical_alarm_and_the_pair_stays_without_flapping()
    {
        await using var rig = await PairRig.Start(Fast);
        rig.ReserveTwin.Inject(TransmitterFault.RfMute);
        await Until(() => rig.Rig.Alarms.IsActive("device tx-reserve/mute"), "reserve faulty");
        rig.MainTwin.Inject(TransmitterFault.VswrTrip);
        await Until(() => rig.Rig.Alarms.IsActive("transmitters pair/both"), "both faulty alarm");
        Assert.Equal(AlarmSeverity.Critical, rig.Rig.Alarms.Active.Single(a => a.Source == "transmitters pair/both").Severity);
        // Nothing is sent to either (the main driver itself may assert its RF on again after a lost poll: not counted).
        await Task.Delay(800);
        Assert.Equal(("onMain", null, 0, "rf state=on"),
            (rig.Pair.Status().State, rig.Pair.Status().LastChangeover, rig.ReserveTwin.Sets, rig.Main.Status().LastCommand));

        rig.ReserveTwin.Clear(TransmitterFault.RfMute);
        await Until(() => rig.Pair.Status().OnAir == TransmitterSide.Reserve, "on reserve once it is healthy");
        Assert.False(rig.Rig.Alarms.IsActive("transmitters pair/both"));
    }

    [Fact]
    public async Task A_reserve_that_fails_on_air_hands_back_to_a_healthy_main()
    {
        await using var rig = await PairRig.Start(Fast);
        rig.MainTwin.Inject(TransmitterFault.CommunicationsLoss);
        await Until(() => rig.Pair.Status().OnAir == TransmitterSide.Reserve, "on reserve");
        rig.MainTwin.Clear(TransmitterFault.CommunicationsLoss);
        await Until(() => rig.Pair.Status().MainFault is null, "main healthy again");
        rig.ReserveTwin.Inject(TransmitterFault.RfMute);
        await Until(() => rig.Pair.Status().OnAir == TransmitterSide.Main, "back on main");
        Assert.Equal("automatic: tx-reserve: RF muted", rig.Pair.Status().LastChangeover!.Why);
        await Until(() => rig.MainTwin.State.RfOn && !rig.ReserveTwin.State.RfOn, "main RF on, reserve RF off");
        Assert.False(rig.Rig.Alarms.IsActive("transmitters pair/both"));
    }

    [Fact]
    public async Task A_reserve_that_refuses_RF_on_raises_a_critical_alarm_once_and_the_pair_stays_on_main()
    {
        await using var rig = await PairRig.Start(Fast, reserveWrites: false);
        rig.MainTwin.Inject(TransmitterFault.VswrTrip);
        await Until(() => rig.Rig.Alarms.IsActive("transmitters pair/failed"), "changeover failed alarm");
        var alarm = rig.Rig.Alarms.Active.Single(a => a.Source == "transmitters pair/failed");
        Assert.Equal(AlarmSeverity.Critical, alarm.Severity);
        Assert.StartsWith("pair: automatic changeover failed: tx-reserve: rf not carried out: ", alarm.Message);
        await Task.Delay(500);
        Assert.Equal(("onMain", null, false), (rig.Pair.Status().State, rig.Pair.Status().LastChangeover, rig.ReserveTwin.State.RfOn));
        Assert.Equal(alarm.Id, rig.Rig.Alarms.Active.Single(a => a.Source == "transmitters pair/failed").Id);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task With_restore_main_comes_back_once_healthy_for_the_restore_time_and_without_it_the_pair_stays(bool restore)
    {
        await using var rig = await PairRig.Start(Fast with { Restore = restore });
        rig.MainTwin.Inject(TransmitterFault.CommunicationsLoss);
        await Until(() => rig.Pair.Status().OnAir == TransmitterSide.Reserve, "on reserve");
        rig.MainTwin.Clear(TransmitterFault.CommunicationsLoss);
        await Until(() => rig.Main.Status().Connection == ConnectionState.Connected, "main answers again");
        if (restore)
        {
            await Until(() => rig.Pair.Status().OnAir == TransmitterSide.Main, "back on main");
            Assert.Equal("automatic: restore, tx-main healthy for 0.5 s", rig.Pair.Status().LastChangeover!.Why);
            await Until(() => rig.MainTwin.State.RfOn && !rig.ReserveTwin.State.RfOn, "main RF on, reserve RF off");
            Assert.False(rig.Rig.Alarms.IsActive("transmitters pair/changeover"));
        }
        else
        {
            await Task.Delay(1200);
            Assert.Equal("onReserve", rig.Pair.Status().State);
            Assert.True(rig.Rig.Alarms.IsActive("transmitters pair/changeover"));
        }
    }

    [Fact]
    public async Task An_operator_changes_over_to_reserve_and_back_and_is_recorded()
    {
        await using var rig = await PairRig.Start(Fast);
        await rig.Pair.ChangeoverAsync(TransmitterSide.Reserve, "alice", default);
        Assert.Equal((true, false), (rig.ReserveTwin.State.RfOn, rig.MainTwin.State.RfOn));
        Assert.Equal(("onReserve", "alice", "manual"), (rig.Pair.Status().State, rig.Pair.Status().LastChangeover!.Who, rig.Pair.Status().LastChangeover!.Why));
        Assert.Contains("because manual (by alice)", rig.Rig.Alarms.Active.Single(a => a.Source == "transmitters pair/changeover").Message);

        await rig.Pair.ChangeoverAsync(TransmitterSide.Main, "bob", default);
        Assert.Equal((true, false), (rig.MainTwin.State.RfOn, rig.ReserveTwin.State.RfOn));
        Assert.Equal(("onMain", "bob"), (rig.Pair.Status().State, rig.Pair.Status().LastChangeover!.Who));
        Assert.False(rig.Rig.Alarms.IsActive("transmitters pair/changeover"));
    }

    [Fact]
    public async Task Inside_a_break_a_major_fault_waits_for_the_break_end_with_a_minor_alarm_then_changes_over()
    {
        var breaks = new BreakWindow { Current = "break b1 'Ads'" };
        await using var rig = await PairRig.Start(Fast, breaks: breaks);
        rig.MainTwin.Inject(TransmitterFault.ExciterFailure);
        await Until(() => rig.Rig.Alarms.IsActive("transmitters pair/held"), "changeover held");
        var held = rig.Rig.Alarms.Active.Single(a => a.Source == "transmitters pair/held");
        Assert.Equal((AlarmSeverity.Minor, "pair: changeover to reserve held until break b1 'Ads' ends (automatic: tx-main: exciter failure)"),
            (held.Severity, held.Message));
        Assert.Equal(("onMain", held.Message["pair: ".Length..]), (rig.Pair.Status().State, rig.Pair.Status().Held));
        await Task.Delay(500);
        Assert.Equal((0, "onMain"), (rig.ReserveTwin.Sets, rig.Pair.Status().State));

        breaks.Current = null;
        await Until(() => rig.Pair.Status().OnAir == TransmitterSide.Reserve, "on reserve once the break ended");
        Assert.Equal(("automatic: tx-main: exciter failure", null), (rig.Pair.Status().LastChangeover!.Why, rig.Pair.Status().Held));
        Assert.False(rig.Rig.Alarms.IsActive("transmitters pair/held"));
    }

    [Fact]
    public async Task Inside_a_break_a_critical_fault_changes_over_after_the_hold_off_as_outside()
    {
        await using var rig = await PairRig.Start(Fast, breaks: new BreakWindow { Current = "break b1 'Ads'" });
        rig.MainTwin.Inject(TransmitterFault.VswrTrip);
        await Until(() => rig.Pair.Status().OnAir == TransmitterSide.Reserve, "on reserve inside the break");
        Assert.Equal("automatic: tx-main: VSWR trip: RF off", rig.Pair.Status().LastChangeover!.Why);
        Assert.False(rig.Rig.Alarms.IsActive("transmitters pair/held"));
    }

    [Fact]
    public async Task Inside_a_break_a_restore_to_main_waits_and_a_fault_that_clears_meanwhile_lifts_the_hold()
    {
        var breaks = new BreakWindow();
        await using var rig = await PairRig.Start(Fast with { Restore = true }, breaks: breaks);
        rig.MainTwin.Inject(TransmitterFault.CommunicationsLoss);
        await Until(() => rig.Pair.Status().OnAir == TransmitterSide.Reserve, "on reserve");
        breaks.Current = "break b2 'Promos'";
        rig.MainTwin.Clear(TransmitterFault.CommunicationsLoss);
        await Until(() => rig.Pair.Status().Held is not null, "restore held");
        Assert.StartsWith("changeover to main held until break b2 'Promos' ends (automatic: restore, tx-main healthy for 0.5 s", rig.Pair.Status().Held);
        breaks.Current = null;
        await Until(() => rig.Pair.Status().OnAir == TransmitterSide.Main, "restored after the break");

        // A held changeover whose fault goes away is no longer waiting.
        breaks.Current = "break b3 'Ads'";
        rig.MainTwin.Inject(TransmitterFault.OverTemperature);
        await Until(() => rig.Pair.Status().Held is not null, "held for over-temperature");
        rig.MainTwin.Clear(TransmitterFault.OverTemperature);
        await Until(() => rig.Pair.Status().Held is null && !rig.Rig.Alarms.IsActive("transmitters pair/held"), "hold lifted");
        Assert.Equal("onMain", rig.Pair.Status().State);
    }

    [Fact]
    public async Task A_reserve_that_refuses_at_once_is_asked_once_a_look_not_in_a_storm()
    {
        using var alarms = new AlarmBoard(NullLogger.Instance);
        var context = new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System);
        await using var main = new FakeTransmitter("tx-main", context);
        await using var reserve = new FakeTransmitter("tx-reserve", context) { Refuses = true };
        main.Start();
        reserve.Start();
        await using var pair = new TransmitterPair("pair", main, reserve, Fast, context);
        pair.Start();
        alarms.Raise("device tx-main/vswr", AlarmSeverity.Critical, "tx-main: VSWR trip: RF off");
        await Until(() => alarms.IsActive("transmitters pair/failed"), "changeover failed alarm");
        int before = reserve.Asked;
        await Task.Delay(1000);
        // One try per 50 ms look at most: about 20 in a second, never thousands.
        Assert.InRange(reserve.Asked - before, 1, 25);
    }

    [Fact]
    public async Task A_look_that_throws_is_logged_and_the_pair_watches_on()
    {
        using var alarms = new AlarmBoard(NullLogger.Instance);
        var context = new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System);
        await using var main = new FakeTransmitter("tx-main", context);
        await using var reserve = new FakeTransmitter("tx-reserve", context);
        main.Start();
        reserve.Start();
        var breaks = new ThrowingBreaks { Failures = 5 };
        await using var pair = new TransmitterPair("pair", main, reserve, Fast with { HoldOff = TimeSpan.Zero }, context, breaks);
        pair.Start();
        alarms.Raise("device tx-main/exciter", AlarmSeverity.Major, "tx-main: exciter failure");
        await Until(() => pair.Status().OnAir == TransmitterSide.Reserve, "on reserve once the break window reads again");
        // Every failing read came first: the pair looked on after each of them.
        Assert.True(Volatile.Read(ref breaks.Failures) < 0, $"{breaks.Failures} failures left");
    }

    /// <summary>A break window that cannot be read a few times (a channel being replaced), then reads no break.</summary>
    private sealed class ThrowingBreaks : IBreakWindow
    {
        public int Failures;

        public string? Current() => Interlocked.Decrement(ref Failures) >= 0 ? throw new InvalidOperationException("collection was modified") : null;
    }

    /// <summary>A transmitter that answers at once: takes rf, or refuses every command (an error reply); counts what it was asked.</summary>
    private sealed class FakeTransmitter(string name, DeviceContext context) : Device(name, "test", context)
    {
        private int _asked;

        public bool Refuses { get; init; }

        public int Asked => Volatile.Read(ref _asked);

        public override IReadOnlyList<DeviceCommandSpec>? Commands => null;

        public override void Start() => SetConnection(ConnectionState.Connected);

        protected override Task ExecuteAsync(string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel)
        {
            Interlocked.Increment(ref _asked);
            return Refuses ? Task.FromException(new DeviceCommandException($"{Name}: {command} refused")) : Task.CompletedTask;
        }

        protected override ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
    }

    private sealed class BreakWindow : IBreakWindow
    {
        public volatile string? Current;

        string? IBreakWindow.Current() => Current;
    }

    /// <summary>Two twins, their devices (main on air with RF on) and the pair, started.</summary>
    private sealed class PairRig : IAsyncDisposable
    {
        private PairRig(TwinRig<TransmitterTwin> rig, TransmitterTwin reserveTwin, Device main, Device reserve, TransmitterPair pair) =>
            (Rig, ReserveTwin, Main, Reserve, Pair) = (rig, reserveTwin, main, reserve, pair);

        public TwinRig<TransmitterTwin> Rig { get; }
        public TransmitterTwin MainTwin => Rig.Twin;
        public TransmitterTwin ReserveTwin { get; }
        public Device Main { get; }
        public Device Reserve { get; }
        public TransmitterPair Pair { get; }

        /// <param name="reserveWrites">false: the reserve twin has no write community, so it refuses every SET.</param>
        public static async Task<PairRig> Start(TransmitterPairPolicy policy, bool reserveWrites = true, IBreakWindow? breaks = null)
        {
            var rig = TwinRig.Start();
            var reserveTwin = new TransmitterTwin(TransmitterProfiles.Load(TransmitterProfileTests.Generic),
                new TransmitterTwinOptions { RampTime = TimeSpan.Zero, WriteCommunity = reserveWrites ? "private" : null });
            var main = rig.Open("tx-main");
            var reserve = rig.Open("tx-reserve", reserveTwin);
            await Until(() => main.Status().Connection == ConnectionState.Connected && reserve.Status().Connection == ConnectionState.Connected, "both connected");
            await SendUntilAnswered(main, "rf", ("state", "on"));
            var pair = new TransmitterPair("pair", main, reserve, policy, new DeviceContext(rig.Alarms, NullLogger.Instance, TimeProvider.System), breaks);
            pair.Start();
            return new PairRig(rig, reserveTwin, main, reserve, pair);
        }

        public async ValueTask DisposeAsync()
        {
            await Pair.DisposeAsync();
            await Rig.DisposeAsync();
            await ReserveTwin.DisposeAsync();
        }
    }
}
