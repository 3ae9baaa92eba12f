using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices.Gpi;
using Playout.Devices.Tests.Transmitter;
using Playout.Devices.Transmitter;
using Playout.Devices.Videohub;
using Playout.Engine.Alarms;
using Playout.HwSim.Host;
using Playout.TestSupport;
using static Playout.Devices.Tests.Transmitter.TwinRig;

namespace Playout.Devices.Tests.Hosts;

/// <summary>
/// `playout-hwsim chain`, the demo transmission chain's twins in one process: each reached by its driver where
/// configs/demo.json reaches it, and commands typed with a twin's name acting on that twin.
/// </summary>
public class ChainHostTests
{
    [Fact]
    public async Task The_chains_twins_answer_their_drivers_and_typed_commands_reach_the_named_twin()
    {
        using var line = new SerialLinePair();
        await using var chain = new TwinProcess("chain", "--gpi", line.Device);
        await Until(() => chain.Lines.Count >= 2, "the chain's banner");
        Assert.Equal($"chain: tx-main on 127.0.0.1:{ChainHost.MainPort}, tx-reserve on 127.0.0.1:{ChainHost.ReservePort}, encoder on 127.0.0.1:{ChainHost.EncoderPort}, "
            + $"router on 127.0.0.1:{ChainHost.RouterPort}, GPI box on {line.Device}", chain.Lines[0]);
        using var alarms = new AlarmBoard(NullLogger.Instance);
        var context = new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System);
        await using var main = OpenDevice(new SnmpTransmitterDriver(), "tx-main", $"127.0.0.1:{ChainHost.MainPort}", TransmitterProfileTests.Generic, alarms, 2000);
        await using var reserve = OpenDevice(new SnmpTransmitterDriver(), "tx-reserve", $"127.0.0.1:{ChainHost.ReservePort}", TransmitterProfileTests.Generic, alarms, 2000);
        await using var router = new VideohubDriver().Open("router", new Dictionary<string, string> { ["address"] = $"127.0.0.1:{ChainHost.RouterPort}" }, context);
        await using var gpi = new GpiBoxDriver().Open("gpi-1", new Dictionary<string, string> { ["port"] = line.Host }, context);
        var edges = new ConcurrentQueue<(int Input, bool Closed)>();
        ((IGpiInputs)gpi).InputChanged += (input, closed) => edges.Enqueue((input, closed));
        router.Start();
        gpi.Start();
        await Until(() => new[] { main, reserve, router, gpi }.All(d => d.Status().Connection == ConnectionState.Connected), "every driver connected");
        Assert.Equal(("on", "off"), (Setting(main, "rf")?.Actual, Setting(reserve, "rf")?.Actual));

        Assert.Equal("tx-main: vswr on", await chain.Type("tx-main fault vswr on"));
        await Until(() => alarms.IsActive("device tx-main/vswr"), "the main transmitter's VSWR trip");
        Assert.False(alarms.IsActive("device tx-reserve/vswr"));
        Assert.Equal("router: output 2 from input 4", await chain.Type("router route 2 4"));
        await Until(() => Setting(router, "route.3")?.Actual == "5", "the router's front-panel route seen by its driver (numbered from 1)");
        Assert.Equal("gpi: input 1 closed", await chain.Type("gpi close 1"));
        await Until(() => edges.Contains((1, true)), "the GPI box's edge");
        Assert.StartsWith("unknown command 'tx-spare status'; commands: ", await chain.Type("tx-spare status"));
        Assert.Equal(0, await chain.Quit());
    }

    [Theory]
    [InlineData("--colour red")]
    [InlineData("--gpi")]
    public void An_unknown_option_exits_2_naming_the_one_it_takes(string arguments)
    {
        var output = new StringWriter();
        Assert.Equal(2, ChainHost.Run(arguments.Split(' '), new StringReader(""), output));
        Assert.Equal("playout-hwsim chain: options: [--gpi PATH] (the GPI box's serial line)", output.ToString().Trim());
    }

    [Fact]
    public void A_serial_line_that_is_not_there_exits_2_saying_so()
    {
        var output = new StringWriter();
        Assert.Equal(2, ChainHost.Run(["--gpi", "/nonexistent/gpi-box"], new StringReader(""), output));
        Assert.StartsWith("playout-hwsim chain: ", output.ToString());
        Assert.Contains("/nonexistent/gpi-box", output.ToString());
    }
}
