using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Commands;
using Playout.Engine.Producers;
using Playout.HwSim;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

// Real time against the card's clock: not beside the other tests of this assembly.
[Collection(nameof(RunsAlone))]
[Trait(RealTime.Trait, RealTime.Value)]
public class HardwareTwinTests
{
    private static readonly SimulatedCardOptions Realtime = new(Timing: CardTiming.Realtime, JitterMicroseconds: 500);

    [Fact]
    public void A_genlocked_channel_fills_every_card_slot_with_the_next_tick_in_order()
    {
        using var test = OnAirGenlocked(context => SyntheticProducers.Bars(context, BarsStandard.Ebu));
        // Steady state: the first ticks (JIT, painting the bars) may miss their slots.
        long onAir = test.Output.Counters.FramesPlayed;
        SpinWait.SpinUntil(() => test.Output.Counters.FramesPlayed >= onAir + 50, TimeSpan.FromSeconds(20));
        test.Channel.Stop();

        var slots = test.Output.Played();
        var steady = slots.Skip(slots.Length - 50).ToArray();
        // Every slot of the card's clock is recorded once, in order; on this shared 2-core test machine a tick may
        // occasionally miss its slot (the card repeats), but only rarely.
        Assert.Equal(Enumerable.Range(0, slots.Length - 1).Select(i => slots[i].Slot + 1), slots.Skip(1).Select(f => f.Slot));
        Assert.InRange(steady.Count(f => f.Repeated), 0, 2);
        Assert.Equal(0, test.Output.CadenceErrors);
        Assert.True(test.Channel.Status().Genlocked);
    }

    [Fact]
    public void Losing_the_reference_falls_back_to_the_system_clock_with_an_alarm_and_relocks_when_it_returns()
    {
        using var test = OnAirGenlocked(context => SyntheticProducers.Color(context, "blue"));

        test.Card.SetFault(CardFault.ReferenceLoss, true);
        Assert.True(SpinWait.SpinUntil(() => test.Alarms.IsActive("channel 1/clock"), TimeSpan.FromSeconds(5)));
        long before = test.Channel.Tick;
        var slept = System.Diagnostics.Stopwatch.StartNew();
        Thread.Sleep(400);
        long ticked = test.Channel.Tick - before;
        slept.Stop();
        // On the system clock the channel keeps ticking at its rate, on the same timeline: 25 frames a second of the time
        // that passed (a loaded machine oversleeps, and a tick it delays skips the frames it missed: the count follows time).
        double due = slept.Elapsed.TotalSeconds * 25;
        Assert.InRange(ticked, due - 5, due + 2);
        Assert.False(test.Channel.Status().Genlocked);
        Assert.Contains("reference lost", test.Alarms.Active.Single(a => a.Source == "channel 1/clock").Message);

        test.Card.SetFault(CardFault.ReferenceLoss, false);
        // Re-locked; the alarm stays listed (latched) saying so, so a reference that came and went is still seen.
        Assert.True(SpinWait.SpinUntil(() => test.Channel.Status().Genlocked, TimeSpan.FromSeconds(5)));
        Assert.Contains("re-locked", test.Alarms.Active.Single(a => a.Source == "channel 1/clock").Message);
        test.Channel.Stop();
    }

    [Fact]
    public void A_live_input_that_loses_its_signal_is_covered_by_the_filler_with_an_alarm()
    {
        using var test = new CardChannel(card: new SimulatedCardOptions(Timing: CardTiming.OnSend), filler: "black");
        var luma = new List<int>();
        test.Output.OnScanOut = (_, video, _) => luma.Add(Pixels.Luma(video, 60, 100));
        test.Channel.Execute(StageCommands.Load(1, new CardInputProducer(test.Context, test.Card, 0)));
        test.Channel.RunTicks(5);
        test.Card.SetFault(CardFault.InputLoss, true);
        test.Channel.RunTicks(5);
        Assert.Contains(test.Alarms.Active, a => a.Source == "channel 1/layer 1" && a.Message.Contains("input signal lost"));
        test.Card.SetFault(CardFault.InputLoss, false);
        test.Channel.RunTicks(5);

        // EBU bars start with 100 % white (940) on the left; the filler is black (64).
        Assert.Equal([.. Enumerable.Repeat(940, 5), .. Enumerable.Repeat(64, 5), .. Enumerable.Repeat(940, 5)], luma);
        Assert.Empty(test.Alarms.Active);
    }

    [Fact]
    public void Late_dma_and_lost_frames_show_in_the_cards_counters_while_the_channel_keeps_time()
    {
        using var test = OnAirGenlocked(context => SyntheticProducers.Color(context, "white"));
        var clean = test.Output.Counters;
        test.Card.SetFault(CardFault.LateDma, true);
        WaitForTicks(test, test.Channel.Tick + 5);
        test.Card.SetFault(CardFault.LateDma, false);
        test.Card.SetFault(CardFault.Underrun, true);
        WaitForTicks(test, test.Channel.Tick + 5);
        test.Card.SetFault(CardFault.Underrun, false);
        WaitForTicks(test, test.Channel.Tick + 5);
        test.Channel.Stop();

        var faulty = test.Output.Counters;
        // This shared 2-core test machine may delay a tick now and then, so a clean run may show one slip.
        Assert.InRange(clean.LateFrames + clean.Underruns, 0, 1);
        Assert.InRange(faulty.LateFrames - clean.LateFrames, 3, 7);
        // One slot repeats when the DMA first runs late, and one for each frame lost.
        Assert.InRange(faulty.Underruns - clean.Underruns, 4, 9);
        Assert.InRange(test.Channel.Status().LateTicks, 0, 2);
    }

    [Fact]
    public void A_card_whose_vsync_thread_stalls_still_counts_every_sync_and_its_reference_stays()
    {
        using var card = new SimulatedCard(Media.Formats.VideoFormats.Parse("576i50"), Realtime);
        int stalls = 0;
        // The card scans out on its vsync thread: hold that thread for 600 ms once.
        card.SimulatedOutputs[0].OnScanOut = (_, _, _) =>
        {
            if (Interlocked.Increment(ref stalls) == 1)
                Thread.Sleep(600);
        };
        var timeout = TimeSpan.FromMilliseconds(80);
        Assert.True(card.Reference.WaitForSync(timeout, out long first));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long last = first;
        while (clock.ElapsedMilliseconds < 1000)
        {
            // A genlocked channel waits like this: two frame periods, then it calls the reference lost.
            Assert.True(card.Reference.WaitForSync(timeout, out long sync), $"no sync within 80 ms at {clock.ElapsedMilliseconds} ms: the late vsync thread looked like a lost reference");
            Assert.True(sync > last);
            last = sync;
        }
        // Every sync counted: the count follows elapsed time, 25 a second (a loaded machine may wake this thread late).
        Assert.InRange(last - first, 24, 27);
    }

    /// <summary>A channel genlocked to a real-time simulated card, on air with <paramref name="producer"/> on layer 1 for 10 ticks.</summary>
    private static CardChannel OnAirGenlocked(Func<ChannelContext, Producer> producer)
    {
        var test = new CardChannel(card: Realtime, clock: Genlocked);
        test.Channel.Execute(StageCommands.Load(1, producer(test.Context)));
        test.Channel.Start();
        WaitForTicks(test, 10);
        return test;
    }

    private static GenlockClock Genlocked(CardChannel test) =>
        new(test.Card.Reference, test.Card.Name, test.Context.Format.FrameRate, test.Alarms, "channel 1");

    private static void WaitForTicks(CardChannel test, long ticks) =>
        Assert.True(SpinWait.SpinUntil(() => test.Channel.Tick >= ticks, TimeSpan.FromSeconds(10)));
}
