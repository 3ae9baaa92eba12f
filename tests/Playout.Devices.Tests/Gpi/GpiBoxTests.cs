using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices.Gpi;
using Playout.Engine.Alarms;
using Playout.HwSim.Gpi;
using Playout.TestSupport;

namespace Playout.Devices.Tests.Gpi;

/// <summary>
/// The gpi-serial driver against the GPI box twin over a socat pseudo-terminal pair: inputs' edges, outputs set and pulsed
/// and confirmed, arguments refused before anything is sent, a silent box and a pulled cable alarmed and recovered with the
/// outputs set again once, line noise passed over.
/// </summary>
[Collection(nameof(SerialLines))]
public sealed class GpiBoxTests : IAsyncLifetime
{
    private readonly SerialLinePair _line = new();
    private readonly AlarmBoard _alarms = new(NullLogger.Instance);
    private GpiBoxTwin _box = null!;
    private Device _device = null!;
    private readonly List<(int Input, bool Closed)> _edges = [];

    public Task InitializeAsync()
    {
        _box = new GpiBoxTwin(_line.Device);
        _device = new GpiBoxDriver().Open("gpi-1", new Dictionary<string, string> { ["port"] = _line.Host },
            new DeviceContext(_alarms, NullLogger.Instance, TimeProvider.System));
        ((IGpiInputs)_device).InputChanged += (input, closed) =>
        {
            lock (_edges)
                _edges.Add((input, closed));
        };
        _device.Start();
        return Until(() => _device.Status().Connection == ConnectionState.Connected, "the box never connected");
    }

    public async Task DisposeAsync()
    {
        await _device.DisposeAsync();
        _box.Dispose();
        _line.Dispose();
        _alarms.Dispose();
    }

    [Fact]
    public async Task Input_edges_are_raised_once_each_and_states_first_heard_are_no_edge()
    {
        _box.SetInput(3, true);
        await Until(() => Edges().Count == 1, "no edge");
        _box.SetInput(3, false);
        _box.SetInput(5, true);
        await Until(() => Edges().Count == 3, "edges missing");
        Assert.Equal([(3, true), (3, false), (5, true)], Edges());
        Assert.Contains(new DeviceSetting("input.5", null, "closed"), _device.Status().Settings);
    }

    [Fact]
    public async Task A_handler_that_throws_on_an_edge_never_stops_the_box_being_watched()
    {
        ((IGpiInputs)_device).InputChanged += (_, _) => throw new InvalidOperationException("trigger failed");
        _box.SetInput(1, true);
        _box.SetInput(2, true);
        await Until(() => Edges().Count == 2, "the edge after a throwing handler was lost");
        await _device.SendAsync("set", Args(("output", "1"), ("state", "on")), default);
        Assert.Equal(ConnectionState.Connected, _device.Status().Connection);
    }

    [Fact]
    public async Task An_output_is_set_and_pulsed_with_the_box_confirming_and_bad_arguments_never_reach_it()
    {
        await _device.SendAsync("set", Args(("output", "2"), ("state", "on")), default);
        Assert.True(_box.OutputClosed(2));
        Assert.Contains(new DeviceSetting("output.2", "on", "on"), _device.Status().Settings);

        await _device.SendAsync("pulse", Args(("output", "7"), ("ms", "150")), default);
        var pulse = _box.Switched.Where(s => s.Output == 7).ToList();
        Assert.Equal([true, false], pulse.Select(p => p.Closed));
        Assert.InRange((pulse[1].At - pulse[0].At).TotalMilliseconds, 140, 1000);

        var refused = await Assert.ThrowsAsync<DeviceCommandException>(() => _device.SendAsync("pulse", Args(("output", "9"), ("ms", "5")), default));
        Assert.Equal("output: 9 is out of range (1 to 8); ms: 5 is out of range (10 to 10000 ms)", refused.Message);
        Assert.Equal(3, _box.Switched.Count);
    }

    [Fact]
    public async Task A_silent_box_is_a_lost_link_alarmed_and_a_command_fails_then_it_recovers()
    {
        _box.Silent = true;
        await Until(() => _device.Status().Connection == ConnectionState.Lost, "a silent box was not noticed", seconds: 15);
        Assert.Contains(_alarms.Active, a => a.Source == "device gpi-1/connection" && a.Message.Contains("no answer from the box", StringComparison.Ordinal));
        var failed = await Assert.ThrowsAnyAsync<DeviceCommandException>(() => _device.SendAsync("set", Args(("output", "1"), ("state", "on")), default));
        Assert.NotEmpty(failed.Message);

        _box.Silent = false;
        await Until(() => _device.Status().Connection == ConnectionState.Connected, "the box never came back", seconds: 15);
        Assert.DoesNotContain(_alarms.Active, a => a.Source == "device gpi-1/connection");
    }

    [Fact]
    public async Task A_pulled_cable_is_alarmed_and_once_plugged_back_the_outputs_asked_for_are_set_again_once()
    {
        await _device.SendAsync("set", Args(("output", "4"), ("state", "on")), default);
        _box.Dispose();
        _line.Pull();
        await Until(() => _device.Status().Connection == ConnectionState.Lost, "the pulled cable was not noticed", seconds: 15);
        Assert.Contains(_alarms.Active, a => a.Source == "device gpi-1/connection");

        // The box lost its outputs meanwhile (a new twin: all open); the driver sets output 4 again, once.
        _line.Plug();
        _box = new GpiBoxTwin(_line.Device);
        await Until(() => _device.Status().Connection == ConnectionState.Connected, "the driver never reconnected", seconds: 15);
        await Until(() => _box.OutputClosed(4), "output 4 was not set again");
        await Task.Delay(GpiBoxDevice.KeepAlive + TimeSpan.FromSeconds(0.5));
        Assert.Equal([(4, true)], _box.Switched.Select(s => (s.Output, s.Closed)));
        Assert.DoesNotContain(_alarms.Active, a => a.Source == "device gpi-1/connection");
    }

    [Fact]
    public async Task Line_noise_before_each_message_is_passed_over()
    {
        _box.Garbled = true;
        _box.SetInput(6, true);
        await Until(() => Edges().Count == 1, "the edge behind the noise was lost");
        await _device.SendAsync("set", Args(("output", "6"), ("state", "on")), default);
        Assert.Equal([(6, true)], Edges());
    }

    private List<(int, bool)> Edges()
    {
        lock (_edges)
            return [.. _edges];
    }

    private static Dictionary<string, string> Args(params (string Name, string Value)[] arguments) => arguments.ToDictionary(a => a.Name, a => a.Value);

    private static async Task Until(Func<bool> condition, string failure, double seconds = 10)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed.TotalSeconds < seconds, failure);
            await Task.Delay(20);
        }
    }
}

/// <summary>Tests on pseudo-terminal pairs run one after another: each starts socat and threads of its own.</summary>
[CollectionDefinition(nameof(SerialLines), DisableParallelization = true)]
public sealed class SerialLines;
