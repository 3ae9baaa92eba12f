using System.IO.Pipes;
using System.Text.RegularExpressions;
using Playout.HwSim.Host;
using static Playout.Devices.Tests.Videohub.VideohubHarness;

namespace Playout.Devices.Tests.Videohub;

/// <summary>`playout-hwsim videohub`: the router twin as a process of its own, driven by typed commands.</summary>
public class VideohubHostTests
{
    [Theory]
    [InlineData("--port", "option --port needs a value")]
    [InlineData("--inputs 0", "--inputs: '0' is out of range (port 0 to 65535, ports 1 to 288)")]
    [InlineData("--port 70000", "--port: '70000' is out of range (port 0 to 65535, ports 1 to 288)")]
    [InlineData("--colour red", "unknown option --colour; options: --port, --inputs, --outputs")]
    public void Bad_options_exit_2_naming_them(string arguments, string message)
    {
        var output = new StringWriter();
        Assert.Equal(2, VideohubHost.Run(arguments.Split(' '), new StringReader(""), output));
        Assert.Equal($"playout-hwsim videohub: {message}", output.ToString().Trim());
    }

    [Fact]
    public async Task Typed_commands_route_drop_links_and_are_answered()
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
        var host = Task.Run(() => VideohubHost.Run(["--port", "0", "--outputs", "4"], typed, output));
        await Until(() => Written().Contains("listening on", StringComparison.Ordinal), "the twin listening");
        int port = int.Parse(Regex.Match(Written(), "127.0.0.1:([0-9]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        await using var harness = new VideohubHarness();
        var router = harness.Open("router", port);
        await Connected(router);
        keyboard.WriteLine("route 1 5");
        await Until(() => Actual(router, "route.2") == "6", "the typed route heard by the driver");
        keyboard.WriteLine("routes");
        keyboard.WriteLine("route 9 1");
        keyboard.WriteLine("drop");
        await Until(() => harness.Alarms.IsActive(router.ConnectionAlarm), "the dropped link alarmed");
        keyboard.WriteLine("quit");
        Assert.Equal(0, await host.WaitAsync(TimeSpan.FromSeconds(10)));

        string[] lines = Written().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["output 1 from input 5", "0:0 1:5 2:0 3:0", "unknown command 'route 9 1'; " + lines[1], "links dropped"], lines[2..]);
    }
}
