using System.Device.Gpio;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices.Gpio;
using Playout.Engine.Alarms;
using Playout.HwSim.Gpio;

namespace Playout.Devices.Tests.Gpio;

/// <summary>
/// The gpio driver against the simulated GPIO chip (hw-sim's GpioDriver): input edges (active high and low), a bouncing
/// contact and a glitch debounced, outputs set and pulsed on time, a missing or unplugged chip alarmed with the reason and
/// opened again with the outputs as asked; bad settings named. Also libgpiod itself, on a chip this machine does not have.
/// </summary>
public sealed class GpioLineTests : IAsyncDisposable
{
    private readonly AlarmBoard _alarms = new(NullLogger.Instance);
    private readonly GpioChipTwin _chip = new();
    private readonly List<(int Input, bool Closed)> _edges = [];
    private volatile bool _present = true;
    private Device? _device;

    private Device Open(params (string Name, string Value)[] settings)
    {
        var driver = new GpioLineDriver(chip => _present && chip == 0 ? _chip : throw new IOException($"no /dev/gpiochip{chip}"));
        _device = driver.Open("gpio-1", settings.ToDictionary(s => s.Name, s => s.Value), new DeviceContext(_alarms, NullLogger.Instance, TimeProvider.System));
        ((IGpiInputs)_device).InputChanged += (input, closed) =>
        {
            lock (_edges)
                _edges.Add((input, closed));
        };
        _device.Start();
        return _device;
    }

    [Fact]
    public async Task Input_lines_edges_are_gpi_inputs_in_the_order_given_and_the_level_at_opening_is_no_edge()
    {
        _chip.SetInput(27, PinValue.High);
        var device = Open(("chip", "0"), ("inputs", "17,27,22"), ("debounceMs", "0"));
        await Connected(device);
        Assert.Equal(3, ((IGpiInputs)device).InputCount);
        Assert.Contains(new DeviceSetting("input.2", null, "closed"), device.Status().Settings);

        _chip.SetInput(22, PinValue.High);
        await Until(() => Edges().Count == 1, "no edge");
        _chip.SetInput(22, PinValue.Low);
        await Until(() => Edges().Count == 2, "no edge as the contact opened");
        _chip.SetInput(17, PinValue.High);
        await Until(() => Edges().Count == 3, "no edge of the first input");
        Assert.Equal([(3, true), (3, false), (1, true)], Edges());
        Assert.Contains(new DeviceSetting("input.1", null, "closed"), device.Status().Settings);
    }

    [Fact]
    public async Task Active_low_lines_are_closed_at_low_level_both_ways()
    {
        _chip.SetInput(5, PinValue.High);
        var device = Open(("chip", "0"), ("inputs", "5"), ("outputs", "6"), ("activeLow", "true"), ("debounceMs", "0"));
        await Connected(device);
        Assert.Equal(PinValue.High, _chip.Level(6));
        _chip.SetInput(5, PinValue.Low);
        await Until(() => Edges().Count == 1, "no edge");
        Assert.Equal((1, true), Edges()[0]);

        await device.SendAsync("set", Args(("output", "1"), ("state", "on")), CancellationToken.None);
        Assert.Equal(PinValue.Low, _chip.Level(6));
    }

    [Fact]
    public async Task A_bouncing_contact_is_one_edge_and_a_glitch_shorter_than_the_debounce_is_none()
    {
        var device = Open(("chip", "0"), ("inputs", "4"), ("debounceMs", "60"));
        await Connected(device);

        _chip.Bounce(4, PinValue.High, times: 5, apart: TimeSpan.FromMilliseconds(2));
        await Until(() => Edges().Count == 1, "no edge after the bounce");
        _chip.SetInput(4, PinValue.Low);
        _chip.SetInput(4, PinValue.High);
        await Task.Delay(300);
        Assert.Equal([(1, true)], Edges());

        _chip.SetInput(4, PinValue.Low);
        await Until(() => Edges().Count == 2, "no edge after the contact opened");
        Assert.Equal((1, false), Edges()[1]);
    }

    [Fact]
    public async Task Outputs_are_set_and_pulsed_for_the_time_asked_and_bad_arguments_are_refused()
    {
        var device = Open(("chip", "0"), ("outputs", "23,24"));
        await Connected(device);
        Assert.Equal(["set", "pulse"], device.Commands!.Select(c => c.Name));

        await device.SendAsync("set", Args(("output", "2"), ("state", "on")), CancellationToken.None);
        Assert.Equal(PinValue.High, _chip.Level(24));
        Assert.Contains(new DeviceSetting("output.2", "on", "on"), device.Status().Settings);

        await device.SendAsync("pulse", Args(("output", "1"), ("ms", "200")), CancellationToken.None);
        var pulse = _chip.Writes.Where(w => w.Line == 23).TakeLast(2).ToArray();
        Assert.Equal([PinValue.High, PinValue.Low], pulse.Select(w => w.Level));
        Assert.InRange(pulse[1].At - pulse[0].At, 190, 1000);
        Assert.Equal(PinValue.Low, _chip.Level(23));

        var refused = await Assert.ThrowsAsync<DeviceCommandException>(() => device.SendAsync("set", Args(("output", "3"), ("state", "on")), CancellationToken.None));
        Assert.Equal("output: 3 is out of range (1 to 2)", refused.Message);
    }

    [Fact]
    public async Task A_missing_chip_is_a_lost_link_with_the_reason_and_once_there_the_outputs_are_as_asked()
    {
        _present = false;
        var device = Open(("chip", "0"), ("inputs", "2"), ("outputs", "3"));
        await Until(() => _alarms.IsActive("device gpio-1/connection"), "no alarm for the missing chip");
        Assert.Equal((ConnectionState.Lost, "gpiochip0: no /dev/gpiochip0"), (device.Status().Connection, device.Status().Error));
        Assert.Contains("no /dev/gpiochip0", _alarms.Active.Single(a => a.Source == "device gpio-1/connection").Message);
        var refused = await Assert.ThrowsAsync<DeviceCommandException>(() => device.SendAsync("set", Args(("output", "1"), ("state", "on")), CancellationToken.None));
        Assert.Equal("no link to gpiochip0", refused.Message);

        _present = true;
        await Connected(device);
        Assert.False(_alarms.IsActive("device gpio-1/connection"));
        // Asked for while the chip was missing: set as the line opened.
        Assert.Equal(PinValue.High, _chip.Level(3));
    }

    [Fact]
    public async Task An_unplugged_chip_is_found_by_the_next_read_and_opened_again_when_back()
    {
        var device = Open(("chip", "0"), ("inputs", "2"), ("outputs", "3"), ("debounceMs", "0"));
        await Connected(device);
        await device.SendAsync("set", Args(("output", "1"), ("state", "on")), CancellationToken.None);

        _chip.Unplug();
        await Until(() => device.Status().Connection == ConnectionState.Lost, "the unplugged chip was not noticed", seconds: 5);
        Assert.Equal("gpiochip0: the GPIO chip is gone (unplugged)", device.Status().Error);
        _chip.SetInput(3, PinValue.Low);

        _chip.Unplug(false);
        await Connected(device);
        Assert.Equal(PinValue.High, _chip.Level(3));
        Assert.Equal([2, 3], _chip.OpenLines);
        _chip.SetInput(2, PinValue.High);
        await Until(() => Edges().Count == 1, "no edge after the chip came back");
    }

    [Fact]
    public async Task Libgpiod_on_a_chip_this_machine_does_not_have_is_a_lost_link_with_the_reason()
    {
        await using var device = new GpioLineDriver().Open("gpio-real", new Dictionary<string, string> { ["chip"] = "200", ["inputs"] = "1" },
            new DeviceContext(_alarms, NullLogger.Instance, TimeProvider.System));
        device.Start();
        await Until(() => _alarms.IsActive("device gpio-real/connection"), "no alarm");
        Assert.StartsWith("gpiochip200: ", device.Status().Error);
    }

    [Theory]
    [InlineData("inputs=1", "chip: missing (the number N of /dev/gpiochipN)")]
    [InlineData("chip=x;inputs=1", "chip: 'x' is not a whole number from 0 to 255")]
    [InlineData("chip=0", "inputs, outputs: neither names a line (give at least one, e.g. \"inputs\": \"17,27\")")]
    [InlineData("chip=0;inputs=1,x", "inputs: 'x' is not a whole number from 0 to 1023")]
    [InlineData("chip=0;inputs=4,4", "inputs: line 4 is given twice")]
    [InlineData("chip=0;inputs=4;outputs=5,4", "outputs: line 4 is an input too")]
    [InlineData("chip=0;inputs=4;activeLow=yes", "activeLow: 'yes' is not true or false")]
    [InlineData("chip=0;inputs=4;debounceMs=5000", "debounceMs: '5000' is not a whole number from 0 to 1000")]
    [InlineData("chip=0;inputs=4;port=/dev/ttyS0", "port: no such setting of the gpio driver (it takes chip, inputs, outputs, activeLow, debounceMs)")]
    public void Bad_settings_are_named(string settings, string problem)
    {
        var parsed = settings.Split(';').Select(s => s.Split('=')).ToDictionary(s => s[0], s => s[1]);
        var error = Assert.Throws<ArgumentException>(() => new GpioLineDriver().Open("gpio-1", parsed, new DeviceContext(_alarms, NullLogger.Instance, TimeProvider.System)));
        Assert.Equal(problem, error.Message);
    }

    public async ValueTask DisposeAsync()
    {
        if (_device is not null)
            await _device.DisposeAsync();
        _alarms.Dispose();
    }

    private List<(int Input, bool Closed)> Edges()
    {
        lock (_edges)
            return [.. _edges];
    }

    private static Task Connected(Device device) => Until(() => device.Status().Connection == ConnectionState.Connected, "the chip never opened");

    private static Dictionary<string, string> Args(params (string Name, string Value)[] arguments) => arguments.ToDictionary(a => a.Name, a => a.Value);

    private static async Task Until(Func<bool> condition, string failure, double seconds = 10)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(seconds), failure);
            await Task.Delay(10);
        }
    }
}
