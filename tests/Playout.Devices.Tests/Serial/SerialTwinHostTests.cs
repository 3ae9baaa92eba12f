using System.IO.Pipes;
using Playout.Devices.Tests.Gpi;
using Playout.HwSim.Host;
using static Playout.Devices.Tests.Serial.SerialRig;

namespace Playout.Devices.Tests.Serial;

/// <summary>`playout-hwsim serial`: a serial twin as a process of its own, driven by typed commands.</summary>
[Collection(nameof(SerialLines))]
public class SerialTwinHostTests
{
    [Theory]
    [InlineData("", "usage: serial transmitter|encoder --port PATH")]
    [InlineData("router --port /dev/null", "unknown twin 'router'; usage: serial transmitter|encoder --port PATH")]
    [InlineData("encoder --baud 9600", "usage: serial transmitter|encoder --port PATH")]
    [InlineData("transmitter --port /nonexistent/tty", "cannot open /nonexistent/tty:")]
    public void Bad_arguments_exit_2_naming_them(string arguments, string message)
    {
        var output = new StringWriter();
        Assert.Equal(2, SerialTwinHost.Run(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), new StringReader(""), output));
        Assert.StartsWith($"playout-hwsim serial: {message}", output.ToString().Trim());
    }

    [Fact]
    public async Task Typed_faults_reach_the_driver_on_the_other_end_of_the_line()
    {
        using var typing = new AnonymousPipeServerStream(PipeDirection.Out);
        using var typed = new StreamReader(new AnonymousPipeClientStream(PipeDirection.In, typing.ClientSafePipeHandle));
        using var keyboard = new StreamWriter(typing) { AutoFlush = true };
        var text = new StringWriter();
        var output = TextWriter.Synchronized(text);
        string Written()
        {
            lock (output) // the synchronized writer locks itself while it writes
                return text.ToString();
        }
        await using var rig = new SerialRig();
        var host = Task.Run(() => SerialTwinHost.Run(["transmitter", "--port", rig.Line.Device], typed, output));
        await Until(() => Written().Contains("transmitter twin on", StringComparison.Ordinal), "the twin on its line");
        rig.Open(TransmitterSerialProfile);
        await rig.Connected();

        keyboard.WriteLine("fault rf-mute on");
        await Until(() => rig.Alarms.IsActive("device tx/mute"), "the typed mute alarmed");
        keyboard.WriteLine("fault rf-mute off");
        keyboard.WriteLine("line silent on");
        await rig.Lost();
        keyboard.WriteLine("line silent off");
        await rig.Connected();
        keyboard.WriteLine("fault smoke on");
        keyboard.WriteLine("quit");
        Assert.Equal(0, await host.WaitAsync(TimeSpan.FromSeconds(10)));

        string[] lines = Written().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["rf-mute on", "rf-mute off", "line silent on", "line silent off", "unknown command 'fault smoke on'; " + lines[1]], lines[2..]);
        Assert.False(rig.Alarms.IsActive("device tx/mute"));
    }
}
