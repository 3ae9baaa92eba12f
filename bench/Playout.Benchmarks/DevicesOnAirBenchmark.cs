using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices;
using Playout.Devices.Redundancy;
using Playout.Devices.Transmitter;
using Playout.Devices.Videohub;
using Playout.Engine.Alarms;
using Playout.HwSim;
using Playout.HwSim.Transmitter;
using Playout.HwSim.Videohub;

namespace Playout.Benchmarks;

/// <summary>
/// The transmission chain's devices beside a channel on air: a 1080i50 channel on the system clock (bars, probes,
/// loudness) in the process that drives a main/reserve pair of SNMP transmitter twins and a Videohub router twin.
/// Phases: the channel alone; the devices healthy, polled every 20 ms and the router pinged every 50 ms; then every fault
/// the twins inject, one after another every 300 ms (VSWR trip, RF mute, comms loss, garbled and 150 ms-late replies on
/// main; the router hung and its links dropped), with the pair changing over and restoring. Reports the tick's
/// p50/p99/max and late ticks per phase, and the polls (device status reads) answered per second.
/// `dotnet run -c Release --project bench/Playout.Benchmarks -- devices-on-air [--seconds N]`.
/// </summary>
public static class DevicesOnAirBenchmark
{
    public static int Run(string[] args, TextWriter output)
    {
        double seconds = new BenchArguments("devices-on-air", args, "--seconds S", ["--seconds"]).Number("--seconds", 20, 1);
        var duration = TimeSpan.FromSeconds(seconds);
        using var alarms = new AlarmBoard(NullLogger.Instance);
        using var channel = TickPhase.OnAir(alarms, out var context);
        using var owned = context;
        var alone = TickPhase.Measure(channel, duration, _ => 0);

        string profile = Path.Combine(AppContext.BaseDirectory, "transmitter-generic.json");
        var options = new TransmitterTwinOptions { RampTime = TimeSpan.Zero };
        using var twins = new Twins(TransmitterProfiles.Load(profile), options);
        var devices = new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System);
        Device Transmitter(string name, TransmitterTwin twin) => new SnmpTransmitterDriver().Open(name, new Dictionary<string, string>
        {
            ["address"] = twin.Address, ["writeCommunity"] = "private", ["profile"] = profile, ["pollMs"] = "20", ["timeoutMs"] = "100", ["retries"] = "0",
        }, devices);
        var registry = new DeviceRegistry([Transmitter("tx-main", twins.Main), Transmitter("tx-reserve", twins.Reserve),
            new VideohubDriver().Open("router", new Dictionary<string, string> { ["address"] = $"127.0.0.1:{twins.Router.Port}", ["ping"] = "0.05", ["timeout"] = "0.2" }, devices)]);
        var pair = new TransmitterPair("site", registry.Find("tx-main")!, registry.Find("tx-reserve")!, new TransmitterPairPolicy
        {
            HoldOff = TimeSpan.FromMilliseconds(100), CommsLoss = TimeSpan.FromMilliseconds(200), Restore = true,
            RestoreAfter = TimeSpan.FromMilliseconds(100), Poll = TimeSpan.FromMilliseconds(50),
        }, devices);
        try
        {
            registry.Start();
            registry.Find("tx-main")!.SendAsync("rf", new Dictionary<string, string> { ["state"] = "on" }, default).GetAwaiter().GetResult();
            pair.Start();
            var healthy = TickPhase.Measure(channel, duration, span => Watch(registry, span, faults: null));
            var faulty = TickPhase.Measure(channel, duration, span => Watch(registry, span, twins));
            var changeovers = pair.Status().Changeovers;
            output.WriteLine($"Devices beside a 1080i50 channel on air (system clock, probes and loudness), {seconds} s per phase, {Environment.ProcessorCount} cores");
            output.WriteLine("| Phase | Status reads/s | Tick p50 (ms) | Tick p99 (ms) | Tick max (ms) | Late ticks |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|");
            output.WriteLine(alone.Row("channel alone"));
            output.WriteLine(healthy.Row("2 SNMP transmitters polled every 20 ms, a Videohub pinged every 50 ms, a pair watching"));
            output.WriteLine(faulty.Row($"every fault in turn every 300 ms (changeovers: {changeovers})"));
        }
        finally
        {
            pair.DisposeAsync().AsTask().GetAwaiter().GetResult();
            registry.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return 0;
    }

    /// <summary>Reads every device's status as the panel and SNMP would, injecting the twins' faults in turn when given; returns the reads.</summary>
    private static long Watch(DeviceRegistry registry, TimeSpan duration, Twins? faults)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long reads = 0;
        int step = 0;
        while (clock.Elapsed < duration)
        {
            foreach (var device in registry.All)
                _ = device.Status();
            reads += registry.All.Count;
            if (faults is not null && clock.Elapsed.TotalMilliseconds > (step + 1) * 300)
                faults.Next(step++);
            Thread.Sleep(5);
        }
        faults?.Next(-1);
        return reads;
    }

    /// <summary>The twins and the faults they take in turn.</summary>
    private sealed class Twins : IDisposable
    {
        public Twins(TransmitterProfile profile, TransmitterTwinOptions options)
        {
            Main = new TransmitterTwin(profile, options);
            Reserve = new TransmitterTwin(profile, options);
            Router.Start();
        }

        public TransmitterTwin Main { get; }
        public TransmitterTwin Reserve { get; }
        public VideohubTwin Router { get; } = new();

        /// <summary>Clears the last fault and injects fault number <paramref name="step"/> of the cycle (-1: none).</summary>
        public void Next(int step) => new TwinFaultCycle(Main, Router).Step(step);

        public void Dispose()
        {
            Main.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Reserve.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Router.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
