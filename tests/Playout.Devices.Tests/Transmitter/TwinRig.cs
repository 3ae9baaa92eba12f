using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices.Transmitter;
using Playout.Engine.Alarms;
using Playout.HwSim.Encoder;
using Playout.HwSim.Snmp;
using Playout.HwSim.Transmitter;

namespace Playout.Devices.Tests.Transmitter;

/// <summary>A twin serving a profile and devices of a profile-driven SNMP driver polling it fast, on one alarm board.</summary>
internal sealed class TwinRig<TTwin>(TTwin twin, string profile, IDeviceDriver driver) : IAsyncDisposable where TTwin : ProfileTwin
{
    private readonly List<Device> _devices = [];

    public AlarmBoard Alarms { get; } = new(NullLogger.Instance);

    public TTwin Twin { get; } = twin;

    /// <summary>A started device polling <paramref name="other"/> (this rig's twin by default) every 50 ms, 100 ms per try.</summary>
    public Device Open(string name, TTwin? other = null)
    {
        var device = TwinRig.OpenDevice(driver, name, (other ?? Twin).Address, profile, Alarms);
        _devices.Add(device);
        return device;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var device in _devices)
            await device.DisposeAsync();
        await Twin.DisposeAsync();
        Alarms.Dispose();
    }
}

/// <summary>Rigs of the transmitter and encoder twins, and what their tests wait for and read.</summary>
internal static class TwinRig
{
    /// <summary>A transmitter twin serving <paramref name="profile"/> (the generic one by default) to snmp-transmitter devices.</summary>
    public static TwinRig<TransmitterTwin> Start(TimeSpan? ramp = null, string? profile = null)
    {
        profile ??= TransmitterProfileTests.Generic;
        return new(new TransmitterTwin(TransmitterProfiles.Load(profile), new TransmitterTwinOptions { RampTime = ramp ?? TimeSpan.Zero }), profile, new SnmpTransmitterDriver());
    }

    /// <summary>An encoder twin serving the generic encoder profile to snmp-encoder devices.</summary>
    public static TwinRig<EncoderTwin> StartEncoder() =>
        new(new EncoderTwin(TransmitterProfiles.Load(EncoderProfile), new EncoderTwinOptions()), EncoderProfile, new SnmpEncoderDriver());

    public static string EncoderProfile => Playout.TestSupport.Repository.File("configs/devices/encoder-generic.json");

    /// <summary>A started device of <paramref name="driver"/> polling <paramref name="address"/> every 50 ms, <paramref name="timeoutMs"/> per try, with the twins' communities.</summary>
    public static Device OpenDevice(IDeviceDriver driver, string name, string address, string profile, AlarmBoard alarms, int timeoutMs = 100)
    {
        var device = driver.Open(name, new Dictionary<string, string>
        {
            ["address"] = address,
            ["community"] = "public",
            ["writeCommunity"] = "private",
            ["profile"] = profile,
            ["pollMs"] = "50",
            ["timeoutMs"] = timeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["retries"] = "0",
        }, new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System));
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
}
