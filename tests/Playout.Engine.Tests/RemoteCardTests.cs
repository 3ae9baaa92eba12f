using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Consumers;
using Playout.Engine.Commands;
using Playout.Engine.Producers;
using Playout.HwSim;
using Playout.Media.Formats;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

// A card process on its own clock: real time, not beside the other tests of this assembly.
[Collection(nameof(RunsAlone))]
[Trait(RealTime.Trait, RealTime.Value)]
public class RemoteCardTests
{
    [Fact]
    public void A_card_in_its_own_process_genlocks_the_channel_plays_its_frames_and_shows_injected_reference_loss()
    {
        using var rig = new Rig();
        var (host, format, alarms, context, card) = (rig.Host, rig.Format, rig.Alarms, rig.Context, rig.Card);
        try
        {
            using var channel = new Channel(context, new GenlockClock(card.Reference, card.Name, format.FrameRate, alarms, "channel 1"),
                SyntheticProducers.Color(context, "black"));
            channel.AddConsumer(new CardConsumer(card, 0));
            channel.Execute(StageCommands.Load(1, SyntheticProducers.Bars(context, BarsStandard.Ebu)));
            channel.Start();

            Assert.True(SpinWait.SpinUntil(() => card.Outputs[0].Counters.FramesPlayed >= 25, TimeSpan.FromSeconds(20)), "the card played nothing");
            Assert.True(channel.Status().Genlocked);

            host.StandardInput.WriteLine("fault reference-loss on");
            Assert.True(SpinWait.SpinUntil(() => alarms.IsActive("channel 1/clock"), TimeSpan.FromSeconds(10)));
            long ticks = channel.Tick;
            Assert.True(SpinWait.SpinUntil(() => channel.Tick >= ticks + 10, TimeSpan.FromSeconds(5)), "the channel stopped without its reference");

            host.StandardInput.WriteLine("fault reference-loss off");
            Assert.True(SpinWait.SpinUntil(() => channel.Status().Genlocked, TimeSpan.FromSeconds(10)));
            Assert.Contains("re-locked", alarms.Active.Single(a => a.Source == "channel 1/clock").Message);
            channel.Stop();
        }
        finally
        {
            card.Dispose();
        }
        host.StandardInput.WriteLine("stats");
        host.StandardInput.WriteLine("quit");
        Assert.True(host.WaitForExit(10_000));
        string printed = host.StandardOutput.ReadToEnd();
        Assert.Contains("ReferenceLoss on", printed);
        Assert.Matches(@"played [1-9]\d*, repeated \d+, late \d+, cadence errors 0", printed);
        Assert.True(host.ExitCode == 0, $"playout-hwsim exited {host.ExitCode}: {host.StandardError.ReadToEnd()}");
    }

    [Fact]
    public void A_card_that_stops_playing_or_whose_process_dies_raises_its_output_alarm_while_the_channel_keeps_ticking()
    {
        using var rig = new Rig();
        var (host, format, alarms, context, card) = (rig.Host, rig.Format, rig.Alarms, rig.Context, rig.Card);
        try
        {
            // On the system clock: the channel does not depend on the card's syncs, only its output does.
            using var channel = new Channel(context, new SystemClock(format.FrameRate), SyntheticProducers.Color(context, "black"));
            var consumer = new CardConsumer(card, 0);
            channel.AddConsumer(consumer);
            channel.Start();
            string source = $"channel 1/output {consumer.Name}";
            Assert.True(SpinWait.SpinUntil(() => card.Outputs[0].Counters.FramesPlayed >= 25, TimeSpan.FromSeconds(20)), "the card played nothing");
            Assert.False(alarms.IsActive(source));

            // A card that stops taking frames (its process stopped): alarmed once a second of frames went unplayed.
            ExternalTool.Run("kill", ["-STOP", host.Id.ToString()]);
            Assert.True(SpinWait.SpinUntil(() => alarms.IsActive(source), TimeSpan.FromSeconds(10)), "a stopped card was not alarmed");
            Assert.Contains("the card has played no frame for a second", alarms.Active.Single(a => a.Source == source).Message);
            ExternalTool.Run("kill", ["-CONT", host.Id.ToString()]);
            Assert.True(SpinWait.SpinUntil(() => !alarms.IsActive(source), TimeSpan.FromSeconds(10)), "the alarm stood after the card played again");

            // A card whose process dies: its link is lost, alarmed at once and for good.
            host.Kill();
            Assert.True(SpinWait.SpinUntil(() => alarms.IsActive(source), TimeSpan.FromSeconds(10)), "a lost card was not alarmed");
            Assert.Contains("the link to the card is lost", alarms.Active.Single(a => a.Source == source).Message);
            long ticks = channel.Tick;
            Assert.True(SpinWait.SpinUntil(() => channel.Tick >= ticks + 25, TimeSpan.FromSeconds(5)), "the channel stopped with its card");
            Assert.Equal(0, channel.FailedTicks);
            channel.Stop();
        }
        finally
        {
            card.Dispose();
        }
    }

    /// <summary>A card process listening on a socket of its own, a 576i50 channel context and the card opened from it.</summary>
    private sealed class Rig : IDisposable
    {
        private readonly TempDirectory _folder = new();

        public Rig()
        {
            string socket = _folder.File("card.sock");
            Host = StartHost(socket);
            Assert.True(SpinWait.SpinUntil(() => File.Exists(socket), TimeSpan.FromSeconds(20)), "the card process did not start listening");
            Context = new ChannelContext("channel 1", Format, 24, 48, NullLogger.Instance, Alarms);
            Card = new RemoteCardDriver().Open(Format, new Dictionary<string, string> { ["socket"] = socket });
        }

        public Process Host { get; }
        public VideoFormat Format { get; } = VideoFormats.Parse("576i50");
        public AlarmBoard Alarms { get; } = new(NullLogger.Instance);
        public ChannelContext Context { get; }
        public Playout.Engine.Devices.IVideoCard Card { get; }

        public void Dispose()
        {
            Context.Dispose();
            if (!Host.HasExited)
                Host.Kill();
            Host.Dispose();
            _folder.Dispose();
        }
    }

    private static Process StartHost(string socket)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "playout-hwsim.dll"), "--format", "576i50", "--socket", socket, "--jitter-us", "300"])
            start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start playout-hwsim");
    }
}
