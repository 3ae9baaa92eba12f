using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices.Transmitter;
using Playout.Engine.Alarms;
using Playout.Engine.Tests;
using Playout.HwSim.Encoder;
using Playout.HwSim.Snmp;
using Playout.HwSim.Transmitter;
using Playout.Snmp.Security;

namespace Playout.Devices.Tests.Transmitter;

/// <summary>A twin serving a profile and devices of a profile-driven SNMP driver polling it fast, on one alarm board.</summary>
internal sealed class TwinRig<TTwin>(TTwin twin, string profile, IDeviceDriver driver) : IAsyncDisposable where TTwin : ProfileTwin
{
    private readonly List<Device> _devices = [];

    public AlarmBoard Alarms { get; } = new(NullLogger.Instance);

    /// <summary>What the devices log (a test reads what a driver said about junk it was sent).</summary>
    public LinesLogger Logger { get; } = new();

    public TTwin Twin { get; } = twin;

    /// <summary>
    /// A started device polling <paramref name="other"/> (this rig's twin by default) every 50 ms, 500 ms per try, over v2c;
    /// <paramref name="adjust"/> changes its settings first (to SNMPv3, to a trap listener).
    /// </summary>
    public Device Open(string name, TTwin? other = null, Action<Dictionary<string, string>>? adjust = null)
    {
        var device = TwinRig.OpenDevice(driver, name, (other ?? Twin).Address, profile, Alarms, logger: Logger, adjust: adjust);
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
    /// <summary>
    /// A transmitter twin serving <paramref name="profile"/> (the generic one by default) to snmp-transmitter devices, ramping up
    /// over <paramref name="ramp"/>, also serving <paramref name="user"/> over SNMPv3, and trapping to <paramref name="trapSink"/>.
    /// </summary>
    public static TwinRig<TransmitterTwin> Start(TimeSpan? ramp = null, string? profile = null, UsmUserOptions? user = null, IPEndPoint? trapSink = null)
    {
        profile ??= TransmitterProfileTests.Generic;
        return new(new TransmitterTwin(TransmitterProfiles.Load(profile),
            new TransmitterTwinOptions { RampTime = ramp ?? TimeSpan.Zero, User = user, TrapSink = trapSink }), profile, new SnmpTransmitterDriver());
    }

    /// <summary>An encoder twin serving the generic encoder profile to snmp-encoder devices.</summary>
    public static TwinRig<EncoderTwin> StartEncoder() =>
        new(new EncoderTwin(TransmitterProfiles.Load(EncoderProfile), new EncoderTwinOptions()), EncoderProfile, new SnmpEncoderDriver());

    public static string EncoderProfile => Playout.TestSupport.Repository.File("configs/devices/encoder-generic.json");

    /// <summary>
    /// A started device of <paramref name="driver"/> polling <paramref name="address"/> every 50 ms, <paramref name="timeoutMs"/> per try
    /// (500 ms: a loaded machine answers a SET in far less, and a silent twin is still found within a second), with the twins' communities.
    /// </summary>
    public static Device OpenDevice(IDeviceDriver driver, string name, string address, string profile, AlarmBoard alarms, int timeoutMs = 500,
        ILogger? logger = null, Action<Dictionary<string, string>>? adjust = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["address"] = address,
            ["community"] = "public",
            ["writeCommunity"] = "private",
            ["profile"] = profile,
            ["pollMs"] = "50",
            ["timeoutMs"] = timeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["retries"] = "0",
        };
        adjust?.Invoke(settings);
        var device = driver.Open(name, settings, new DeviceContext(alarms, logger ?? NullLogger.Instance, TimeProvider.System));
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

    /// <summary>
    /// A rig's set-up command, sent again while unanswered for up to 10 s: with 500 ms and no retries, as the devices run here,
    /// one reply lost to a loaded test machine would fail a test that is not about it. For commands that may be repeated.
    /// </summary>
    public static async Task SendUntilAnswered(Device device, string command, params (string Key, string Value)[] arguments)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await Send(device, command, arguments);
                return;
            }
            catch (DeviceCommandException) when (waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                // Unanswered (or refused while the device connects): sent again.
            }
        }
    }
}
