using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices;
using Playout.Engine.Alarms;

namespace Playout.Devices.Tests;

/// <summary>What every driver gets from the device model: checked commands, a lost link alarmed once and cleared, settings desired and actual.</summary>
public class DeviceTests
{
    [Fact]
    public async Task A_command_is_checked_before_the_driver_sees_it_and_a_lost_link_raises_one_alarm_cleared_when_it_is_back()
    {
        using var alarms = new AlarmBoard(NullLogger.Instance);
        await using var device = new FakeDevice(new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System));
        device.Start();
        Assert.Equal(ConnectionState.Connected, device.Status().Connection);

        var refused = await Assert.ThrowsAsync<DeviceCommandException>(() => device.SendAsync("rf", new Dictionary<string, string> { ["on"] = "maybe" }, default));
        Assert.Equal("on: 'maybe' is not one of true, false", refused.Message);
        var unknown = await Assert.ThrowsAsync<DeviceCommandException>(() => device.SendAsync("explode", new Dictionary<string, string>(), default));
        Assert.Equal("tx (fake) has no command 'explode' (it takes rf)", unknown.Message);
        Assert.Empty(device.Executed);

        await device.SendAsync("rf", new Dictionary<string, string> { ["on"] = "true" }, default);
        Assert.Equal(["rf on=true"], device.Executed);
        var status = device.Status();
        Assert.Equal("rf on=true", status.LastCommand);
        Assert.Equal(new DeviceSetting("rf", "true", null), Assert.Single(status.Settings));

        device.Lose("connection refused");
        device.Lose("connection refused");
        var alarm = Assert.Single(alarms.Active);
        Assert.Equal(("device tx/connection", "tx: no link (connection refused)"), (alarm.Source, alarm.Message));
        Assert.Equal((ConnectionState.Lost, "connection refused"), (device.Status().Connection, device.Status().Error));
        device.Start();
        Assert.Empty(alarms.Active);
    }

    private sealed class FakeDevice(DeviceContext context) : Device("tx", "fake", context)
    {
        public List<string> Executed { get; } = [];

        public override IReadOnlyList<DeviceCommandSpec>? Commands { get; } =
            [new DeviceCommandSpec("rf", "RF on or off", [new DeviceParameterSpec("on", Values: ["true", "false"])])];

        public override void Start() => SetConnection(ConnectionState.Connected);

        public void Lose(string why) => SetConnection(ConnectionState.Lost, why);

        protected override Task ExecuteAsync(string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel)
        {
            Executed.Add($"{command} {string.Join(" ", arguments.Select(a => $"{a.Key}={a.Value}"))}");
            SetSetting(command, desired: arguments["on"]);
            return Task.CompletedTask;
        }

        protected override ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
    }
}
