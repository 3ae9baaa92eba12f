using System.Diagnostics;
using Playout.Devices.Videohub;
using Playout.Engine.Alarms;
using Playout.Engine.Tests;

namespace Playout.Devices.Tests.Videohub;

/// <summary>Videohub devices opened through the driver, on one alarm board and one line-keeping log, for tests against a peer.</summary>
internal sealed class VideohubHarness : IAsyncDisposable
{
    private readonly List<Device> _devices = [];

    public VideohubHarness() => Alarms = new AlarmBoard(Log);

    public LinesLogger Log { get; } = new();
    public AlarmBoard Alarms { get; }

    /// <summary>A started device on 127.0.0.1:<paramref name="port"/>; short timeouts keep the tests fast.</summary>
    public Device Open(string name, int port, string timeout = "1", string ping = "5")
    {
        var device = new VideohubDriver().Open(name, new Dictionary<string, string> { ["address"] = $"127.0.0.1:{port}", ["timeout"] = timeout, ["ping"] = ping },
            new DeviceContext(Alarms, Log, TimeProvider.System));
        _devices.Add(device);
        device.Start();
        return device;
    }

    public static Task Send(Device device, string command, string arguments = "") =>
        device.SendAsync(command, arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Split('=')).ToDictionary(a => a[0], a => a[1]), default);

    public static string? Actual(Device device, string setting) => device.Status().Settings.FirstOrDefault(s => s.Name == setting)?.Actual;

    public static DeviceSetting? Setting(Device device, string setting) => device.Status().Settings.FirstOrDefault(s => s.Name == setting);

    /// <summary>Waits until <paramref name="condition"/> holds; fails naming <paramref name="what"/> after <paramref name="seconds"/>.</summary>
    public static async Task Until(Func<bool> condition, string what, double seconds = 10)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed.TotalSeconds > seconds)
                Assert.Fail($"not within {seconds} s: {what}");
            await Task.Delay(20);
        }
    }

    public static Task Connected(Device device) => Until(() => device.Status().Connection == ConnectionState.Connected, $"{device.Name} connected ({device.Status().Error})");

    public async ValueTask DisposeAsync()
    {
        foreach (var device in _devices)
            await device.DisposeAsync();
        Alarms.Dispose();
    }
}
