using Playout.Devices.Tests.Gpi;
using Playout.Devices.Tests.Hosts;
using Playout.HwSim.Host;
using static Playout.Devices.Tests.Serial.SerialRig;

namespace Playout.Devices.Tests.Serial;

/// <summary>`playout-hwsim transmitter|encoder --serial PATH`: the twin's serial front end in the twin's process, on the state its SNMP agent serves.</summary>
[Collection(nameof(SerialLines))]
public class SerialHostTests
{
    [Fact]
    public async Task The_transmitter_process_answers_on_its_serial_port_and_typed_faults_reach_the_serial_driver()
    {
        await using var rig = new SerialRig();
        await using var host = new TwinProcess("transmitter", "--port", "0", "--name", "TX site B", "--serial", rig.Line.Device);
        await host.Listening();
        // A process just started compiles each request's code on first use: a generous first timeout.
        rig.Open(TransmitterSerialProfile, timeoutMs: 2000);
        await rig.Connected();
        Assert.Equal("TX site B", rig.Device.Status().Identity);

        Assert.Equal("mute on", await host.Type("fault mute on"));
        await Until(() => rig.Alarms.IsActive("device tx/mute"), "the typed mute alarmed over the serial line");
        await host.Type("fault mute off");
        Assert.Equal("serial silent on", await host.Type("serial silent on"));
        await rig.Lost();
        Assert.Equal("serial silent off", await host.Type("serial silent off"));
        await rig.Connected();
        await Until(() => !rig.Alarms.IsActive("device tx/mute"), "mute cleared");
        Assert.Equal("serial replies after 50 ms", await host.Type("serial delay 50"));
        Assert.Equal(0, await host.Quit());
    }

    [Fact]
    public void Serial_commands_without_a_serial_port_say_so_and_a_port_that_cannot_be_opened_exits_2()
    {
        var output = new StringWriter();
        Assert.Equal(0, EncoderHost.Run(["--port", "0"], new StringReader("serial noise on\nquit\n"), output));
        Assert.Contains("no serial port (start with --serial PATH)", output.ToString());

        output = new StringWriter();
        Assert.Equal(2, TransmitterHost.Run(["--port", "0", "--serial", "/nonexistent/tty"], new StringReader(""), output));
        Assert.StartsWith("playout-hwsim transmitter: --serial: cannot open /nonexistent/tty:", output.ToString());
    }
}
