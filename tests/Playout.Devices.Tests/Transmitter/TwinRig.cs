using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices.Transmitter;
using Playout.Engine.Alarms;
using Playout.Engine.Tests;
using Playout.HwSim.Transmitter;
using Playout.Snmp.Security;

namespace Playout.Devices.Tests.Transmitter;

/// <summary>A transmitter twin serving the generic profile and snmp-transmitter devices polling it fast, on one alarm board.</summary>
internal sealed class TwinRig : IAsyncDisposable
{
    private readonly List<Device> _devices = [];

    private TwinRig(TransmitterTwin twin) => Twin = twin;

    public AlarmBoard Alarms { get; } = new(NullLogger.Instance);

    /// <summary>What the devices log (a test reads what a driver said about junk it was sent).</summary>
    public LinesLogger Logger { get; } = new();

    public TransmitterTwin Twin { get; }

    /// <summary>A rig whose twin ramps up over <paramref name="ramp"/>, also serves <paramref name="user"/> over SNMPv3, and traps to <paramref name="trapSink"/>.</summary>
    public static TwinRig Start(TimeSpan? ramp = null, UsmUserOptions? user = null, IPEndPoint? trapSink = null) =>
        new(new TransmitterTwin(TransmitterProfiles.Load(TransmitterProfileTests.Generic),
            new TransmitterTwinOptions { RampTime = ramp ?? TimeSpan.Zero, User = user, TrapSink = trapSink }));

    /// <summary>
    /// A started device polling <paramref name="twin"/> (this rig's twin by default) every 50 ms, 100 ms per try, over v2c;
    /// <paramref name="adjust"/> changes its settings first (to SNMPv3, to a trap listener).
    /// </summary>
    public Device Open(string name, TransmitterTwin? twin = null, Action<Dictionary<string, string>>? adjust = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["address"] = (twin ?? Twin).Address,
            ["community"] = "public",
            ["writeCommunity"] = "private",
            ["profile"] = TransmitterProfileTests.Generic,
            ["pollMs"] = "50",
            ["timeoutMs"] = "100",
            ["retries"] = "0",
        };
        adjust?.Invoke(settings);
        var device = new SnmpTransmitterDriver().Open(name, settings, new DeviceContext(Alarms, Logger, TimeProvider.System));
        _devices.Add(device);
        device.Start();
        return device;
    }

    /// <summary>Waits (10 s at most, generous for a loaded machine) until <paramref name="condition"/> holds.</summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(10))
                Assert.Fail($"not within 10 s: {what}");
            await Task.Delay(10);
        }
    }

    public static double? Measured(Device device, string name) => device.Status().Measurements.FirstOrDefault(m => m.Name == name)?.Value;

    public static DeviceSetting? Setting(Device device, string name) => device.Status().Settings.FirstOrDefault(s => s.Name == name);

    public static Task Send(Device device, string command, params (string Key, string Value)[] arguments) =>
        device.SendAsync(command, arguments.ToDictionary(a => a.Key, a => a.Value), default);

    public async ValueTask DisposeAsync()
    {
        foreach (var device in _devices)
            await device.DisposeAsync();
        await Twin.DisposeAsync();
        Alarms.Dispose();
    }
}
