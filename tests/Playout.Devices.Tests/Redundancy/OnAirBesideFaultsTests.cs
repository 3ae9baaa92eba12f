using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices.Redundancy;
using Playout.Devices.Tests.Transmitter;
using Playout.Devices.Transmitter;
using Playout.Devices.Videohub;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Commands;
using Playout.Engine.Producers;
using Playout.HwSim;
using Playout.HwSim.Transmitter;
using Playout.HwSim.Videohub;
using Playout.Media.Formats;
using Playout.TestSupport;
using static Playout.Devices.Tests.Transmitter.TwinRig;

namespace Playout.Devices.Tests.Redundancy;

/// <summary>
/// A channel on the system clock in the process that drives a transmitter pair and a router while every twin fault
/// cycles (trips, mutes, comms loss, garbled and slow replies, a hung router): the channel ticks on throughout, the pair
/// changes over and back, and nothing the devices do reaches the tick. Its timing is measured by the devices-on-air bench.
/// </summary>
[Trait(RealTime.Trait, RealTime.Value)]
public class OnAirBesideFaultsTests
{
    [Fact]
    public async Task The_channel_ticks_on_while_every_device_fault_cycles_and_the_pair_changes_over()
    {
        await using var rig = Start();
        var format = VideoFormats.Parse("576i50");
        using var context = new ChannelContext("on air", format, 8, 16, NullLogger.Instance, rig.Alarms);
        using var channel = new Channel(context, new SystemClock(format.FrameRate), SyntheticProducers.Color(context, "black"));
        _ = channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(context, BarsStandard.Ebu)));
        await using var reserveTwin = new TransmitterTwin(TransmitterProfiles.Load(TransmitterProfileTests.Generic), new TransmitterTwinOptions { RampTime = TimeSpan.Zero });
        await using var routerTwin = new VideohubTwin();
        routerTwin.Start();
        var main = rig.Open("tx-main");
        var reserve = rig.Open("tx-reserve", reserveTwin);
        var devices = new DeviceContext(rig.Alarms, NullLogger.Instance, TimeProvider.System);
        await using var router = new VideohubDriver().Open("router", new Dictionary<string, string> { ["address"] = $"127.0.0.1:{routerTwin.Port}", ["ping"] = "0.05", ["timeout"] = "0.2" }, devices);
        router.Start();
        await Until(() => main.Status().Connection == ConnectionState.Connected && reserve.Status().Connection == ConnectionState.Connected, "both transmitters");
        await SendUntilAnswered(main, "rf", ("state", "on"));
        await using var pair = new TransmitterPair("site", main, reserve, new TransmitterPairPolicy
        {
            HoldOff = TimeSpan.FromMilliseconds(100), CommsLoss = TimeSpan.FromMilliseconds(200), Restore = true,
            RestoreAfter = TimeSpan.FromMilliseconds(100), Poll = TimeSpan.FromMilliseconds(50),
        }, devices);
        pair.Start();
        channel.Start();
        await Until(() => channel.Tick > 5, "the channel on air");

        var faults = new TwinFaultCycle(rig.Twin, routerTwin);
        var pauses = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        long startTick = channel.Tick;
        for (int step = 0; step < 2 * TwinFaultCycle.Steps; step++)
        {
            faults.Step(step);
            await Task.Delay(400);
        }
        faults.Step(-1);
        rig.Twin.State.RfOn = true;
        await Until(() => pair.Status().OnAir == TransmitterSide.Main && pair.Status().Changeovers >= 2, "back on main once the faults stop");

        // About 5 s or more at 25 frames a second, and no frame slipped (a tick held up past its frame would have): the tick is the
        // channel's own thread, whatever the devices do.
        long ticks = channel.Tick - startTick, expected = (long)(clock.Elapsed.TotalSeconds * 25);
        // A failure says what else held the process meanwhile (the collector stops every managed thread, the tick's too).
        var status = channel.Status();
        string account = $"{ticks} ticks for {expected} frames, {status.SlippedFrames} frame(s) slipped, {status.LateTicks} ticks late; the collector paused " +
            $"the process {(GC.GetTotalPauseDuration() - pauses).TotalMilliseconds:F0} ms in all; " +
            string.Join("; ", rig.Alarms.Listed.Where(a => a.Source == ClockAlarms.Slips(context.Name)).Select(a => a.Message));
        Assert.True(ticks >= expected * 9 / 10 && ticks <= expected + 3, account);
        Assert.True(status.SlippedFrames == 0, account);
    }
}
