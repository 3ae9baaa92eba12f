using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices;
using Playout.Engine.Alarms;

namespace Playout.Server.Hosting;

/// <summary>A device of the transmission chain (docs/DEVICES.md): its name, its driver and the driver's settings (address, profile, …; a relative path is read from the configuration file's folder).</summary>
public sealed record DeviceConfig
{
    public required string Name { get; init; }
    public string Driver { get; init; } = "log";
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>GPI inputs that act on a channel's automation (a device with inputs only).</summary>
    public IReadOnlyList<DeviceTrigger> Triggers { get; init; } = [];

    internal void Validate(string where, ServiceConfig service, ConfigProblems problems)
    {
        for (int i = 0; i < Triggers.Count; i++)
            Triggers[i].Validate($"{where}.triggers[{i}]", service, problems);
        if (string.IsNullOrWhiteSpace(Name))
            problems.Add($"{where}.name", "missing");
        if (DeviceDrivers.Find(Driver) is not { } driver)
        {
            problems.Add($"{where}.driver", $"unknown device driver '{Driver}' (available: {DeviceDrivers.Names})");
            return;
        }
        // The driver reads its settings as it opens a device (not yet started: nothing is connected), naming what is wrong.
        try
        {
            using var alarms = new AlarmBoard(NullLogger.Instance);
            var device = driver.Open(Name, Settings, new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System)
            {
                Folder = service.BaseDirectory,
                StreamOutputs = new ChannelStreamOutputs(service, []),
            });
            if (Triggers.Count > 0 && device is not IGpiInputs)
                problems.Add($"{where}.triggers", $"the {Driver} driver has no GPI inputs to trigger from");
            device.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (ArgumentException error)
        {
            problems.Add($"{where}.settings", error.Message);
        }
    }
}
