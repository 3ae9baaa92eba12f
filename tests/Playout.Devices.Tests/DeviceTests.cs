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

    [Fact]
    public async Task A_driver_that_throws_something_else_is_logged_with_its_stack_and_the_command_is_not_carried_out()
    {
        using var alarms = new AlarmBoard(NullLogger.Instance);
        var log = new RecordingLogger();
        await using var device = new FakeDevice(new DeviceContext(alarms, log, TimeProvider.System)) { Fails = new InvalidOperationException("index was outside the bounds") };
        device.Start();
        var error = await Assert.ThrowsAsync<DeviceCommandException>(() => device.SendAsync("rf", new Dictionary<string, string> { ["on"] = "true" }, default));
        Assert.Equal("tx: rf failed inside the fake driver (InvalidOperationException: index was outside the bounds)", error.Message);
        var logged = Assert.Single(log.Errors);
        Assert.Equal(("device tx: rf on=true failed inside the fake driver", device.Fails), logged);

        // Cancelled is not a failure of the driver: it stays what it is.
        device.Fails = new OperationCanceledException();
        await Assert.ThrowsAsync<OperationCanceledException>(() => device.SendAsync("rf", new Dictionary<string, string> { ["on"] = "true" }, default));
        Assert.Single(log.Errors);
    }

    private sealed class RecordingLogger : Microsoft.Extensions.Logging.ILogger
    {
        public List<(string Message, Exception? Error)> Errors { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel level) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel level, Microsoft.Extensions.Logging.EventId id, TState state, Exception? error, Func<TState, Exception?, string> format)
        {
            if (level == Microsoft.Extensions.Logging.LogLevel.Error)
                Errors.Add((format(state, error), error));
        }
    }

    private sealed class FakeDevice(DeviceContext context) : Device("tx", "fake", context)
    {
        public List<string> Executed { get; } = [];

        /// <summary>What the driver throws (a bug of its own), or null.</summary>
        public Exception? Fails { get; set; }

        public override IReadOnlyList<DeviceCommandSpec>? Commands { get; } =
            [new DeviceCommandSpec("rf", "RF on or off", [new DeviceParameterSpec("on", Values: ["true", "false"])])];

        public override void Start() => SetConnection(ConnectionState.Connected);

        public void Lose(string why) => SetConnection(ConnectionState.Lost, why);

        protected override Task ExecuteAsync(string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel)
        {
            if (Fails is { } error)
                throw error;
            Executed.Add($"{command} {string.Join(" ", arguments.Select(a => $"{a.Key}={a.Value}"))}");
            SetSetting(command, desired: arguments["on"]);
            return Task.CompletedTask;
        }

        protected override ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
    }
}
