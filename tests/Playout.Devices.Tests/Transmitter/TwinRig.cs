using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices.Transmitter;
using Playout.Engine.Alarms;
using Playout.HwSim.Transmitter;

namespace Playout.Devices.Tests.Transmitter;

/// <summary>A transmitter twin serving a profile (the generic one by default) and snmp-transmitter devices polling it fast, on one alarm board.</summary>
internal sealed class TwinRig : IAsyncDisposable
{
    private readonly List<Device> _devices = [];
    private readonly string _profile;

    private TwinRig(TransmitterTwin twin, string profile) => (Twin, _profile) = (twin, profile);

    public AlarmBoard Alarms { get; } = new(NullLogger.Instance);

    public TransmitterTwin Twin { get; }

    public static TwinRig Start(TimeSpan? ramp = null, string? profile = null)
    {
        profile ??= TransmitterProfileTests.Generic;
        return new(new TransmitterTwin(TransmitterProfiles.Load(profile), new TransmitterTwinOptions { RampTime = ramp ?? TimeSpan.Zero }), profile);
    }

    /// <summary>A started device polling <paramref name="twin"/> (this rig's twin by default) every 50 ms, 100 ms per try.</summary>
    public Device Open(string name, TransmitterTwin? twin = null)
    {
        var device = new SnmpTransmitterDriver().Open(name, new Dictionary<string, string>
        {
            ["address"] = (twin ?? Twin).Address,
            ["community"] = "public",
            ["writeCommunity"] = "private",
            ["profile"] = _profile,
            ["pollMs"] = "50",
            ["timeoutMs"] = "100",
            ["retries"] = "0",
        }, new DeviceContext(Alarms, NullLogger.Instance, TimeProvider.System));
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
