using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices.Tests.Transmitter;
using Playout.Devices.Transmitter;
using Playout.Engine.Alarms;
using Playout.HwSim.Host;
using static Playout.Devices.Tests.Transmitter.TwinRig;

namespace Playout.Devices.Tests.Hosts;

/// <summary>
/// `playout-hwsim transmitter|encoder`: each SNMP twin in a process of its own, started by the test, polled by its
/// driver through the loopback port, with faults typed on its stdin raising the device's alarms.
/// </summary>
public class TwinHostTests
{
    /// <summary>Milliseconds a try waits: a process just started compiles each request's code on first use, slowly on a loaded machine.</summary>
    private const int FreshProcess = 2000;

    [Fact]
    public async Task The_transmitter_process_is_polled_and_each_typed_fault_raises_its_alarm()
    {
        // The high-power profile named (the encoder's test takes its default profile).
        await using var host = new TwinProcess("transmitter", "--port", "0", "--name", "TX site A", "--profile", TransmitterProfileTests.HighPower);
        int port = await host.Listening();
        using var alarms = new AlarmBoard(NullLogger.Instance);
        await using var tx = OpenDevice(new SnmpTransmitterDriver(), "tx", $"127.0.0.1:{port}", TransmitterProfileTests.HighPower, alarms, FreshProcess);
        await Until(() => tx.Status().Connection == ConnectionState.Connected, "connected to the process");
        Assert.Equal("TX site A", tx.Status().Identity);
        await Send(tx, "rf", ("state", "on"));
        Assert.StartsWith("rf on, power 100 %, ", await host.Type("status"));

        foreach (var (fault, alarm) in new[] { ("temperature", "temperature"), ("exciter", "exciter"), ("mute", "mute"), ("vswr", "vswr") })
        {
            Assert.Equal($"{fault} on", await host.Type($"fault {fault} on"));
            await Until(() => alarms.IsActive($"device tx/{alarm}"), $"{alarm} raised by the typed fault");
            Assert.Equal($"{fault} off", await host.Type($"fault {fault} off"));
        }
        // The VSWR trip is latched until the typed front-panel reset.
        Assert.Equal("faults reset", await host.Type("reset"));
        await Until(() => alarms.Active.Count == 0, "every fault alarm cleared");

        Assert.Equal("comms on", await host.Type("fault comms on"));
        await Until(() => alarms.IsActive(tx.ConnectionAlarm), "the link alarm on a typed comms loss");
        await host.Type("fault comms off");
        await Until(() => !alarms.IsActive(tx.ConnectionAlarm), "the link back");
        Assert.StartsWith("unknown command 'fault smoke on'; commands: fault vswr|temperature|exciter|mute|comms|garble on|off, reset", await host.Type("fault smoke on"));
        Assert.Equal(0, await host.Quit());
    }

    [Fact]
    public async Task The_encoder_process_is_polled_and_typed_faults_raise_its_alarms()
    {
        await using var host = new TwinProcess("encoder", "--port", "0");
        int port = await host.Listening();
        using var alarms = new AlarmBoard(NullLogger.Instance);
        await using var encoder = OpenDevice(new SnmpEncoderDriver(), "enc", $"127.0.0.1:{port}", EncoderProfile, alarms, FreshProcess);
        await Until(() => encoder.Status().Connection == ConnectionState.Connected, "connected to the process");
        await Send(encoder, "service", ("state", "running"));
        await Until(() => Measured(encoder, "outputBitrate") == 8, "encoding at 8 Mbit/s in the process");

        Assert.Equal("input on", await host.Type("fault input on"));
        await Until(() => alarms.IsActive("device enc/input"), "input alarm");
        Assert.Equal("encoder on", await host.Type("fault encoder on"));
        await Until(() => alarms.IsActive("device enc/encoder") && Measured(encoder, "outputBitrate") == 0, "encoder alarm, nothing out");
        // The SET reached the process; under load the driver may have sent it again after a late reply (SNMP retries a SET,
        // which is idempotent), so the count is at least one, not exactly one.
        string status = await host.Type("status");
        Assert.StartsWith("service running, bitrate 8 Mbit/s, output 0 Mbit/s, input lost; faults InputLoss EncoderFailure; sets ", status);
        Assert.InRange(int.Parse(status[(status.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture), 1, 3);
        await host.Type("fault input off");
        await host.Type("fault encoder off");
        await Until(() => alarms.Active.Count == 0, "both cleared");
        Assert.Equal("garble on", await host.Type("fault garble on"));
        await Until(() => alarms.IsActive(encoder.ConnectionAlarm), "garbled replies lose the link");
        Assert.Equal(0, await host.Quit());
    }

    [Theory]
    [InlineData("--port", "option --port needs a value")]
    [InlineData("--port 70000", "--port: '70000' is not a port from 0 to 65535")]
    [InlineData("--colour red", "unknown option --colour; options: --port, --profile, --name, --serial")]
    [InlineData("--profile /nonexistent/tx.json", "/nonexistent/tx.json: cannot read the profile: ")]
    public void Bad_options_exit_2_naming_them(string arguments, string message)
    {
        foreach (var (kind, run) in new (string, Func<string[], TextReader, TextWriter, int>)[] { ("transmitter", TransmitterHost.Run), ("encoder", EncoderHost.Run) })
        {
            var output = new StringWriter();
            Assert.Equal(2, run(arguments.Split(' '), new StringReader(""), output));
            Assert.StartsWith($"playout-hwsim {kind}: {message}", output.ToString().Trim());
        }
    }

    [Fact]
    public void A_profile_the_twin_cannot_serve_is_refused_naming_what()
    {
        var output = new StringWriter();
        Assert.Equal(2, EncoderHost.Run(["--profile", TransmitterProfileTests.Generic], new StringReader(""), output));
        Assert.StartsWith("playout-hwsim encoder: encoder twin: profile generic names what the twin does not simulate: forwardPower", output.ToString());
    }
}
