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

    /// <summary>The channel (1..) whose programme the device carries: its alarms are written to that channel's as-run log; 0: none.</summary>
    public int Channel { get; init; }

    /// <summary>
    /// The channel (1..) whose now-playing text the device is sent, with its <see cref="NowPlayingFeeds.Command"/> command, as
    /// each item airs (an RDS encoder's RadioText); 0: none.
    /// </summary>
    public int NowPlaying { get; init; }

    internal void Validate(string where, ServiceConfig service, ConfigProblems problems)
    {
        var driver = DeviceDrivers.Find(Driver);
        var (inputs, commands, wrong) = driver is null ? (null, null, null) : Open(driver, service);
        for (int i = 0; i < Triggers.Count; i++)
            Triggers[i].Validate($"{where}.triggers[{i}]", service, inputs is > 0 ? inputs : null, problems);
        if (string.IsNullOrWhiteSpace(Name))
            problems.Add($"{where}.name", "missing");
        if (Channel != 0 && (Channel < 1 || Channel > service.Channels.Count))
            problems.Add($"{where}.channel", $"there is no channel {Channel} (channels are 1..{service.Channels.Count})");
        else if (Channel != 0 && service.Channels[Channel - 1].Automation is null)
            problems.Add($"{where}.channel", $"channel {Channel} is not run from a schedule, so it has no as-run log to note the device's alarms in");
        if (NowPlaying != 0 && (NowPlaying < 1 || NowPlaying > service.Channels.Count))
            problems.Add($"{where}.nowPlaying", $"there is no channel {NowPlaying} (channels are 1..{service.Channels.Count})");
        else if (NowPlaying != 0 && driver is not null && wrong is null && NowPlayingFeeds.Problem(commands) is { } feed)
            problems.Add($"{where}.nowPlaying", $"the {Driver} driver {feed}");
        if (driver is null)
            problems.Add($"{where}.driver", $"unknown device driver '{Driver}' (available: {DeviceDrivers.Names})");
        else if (wrong is not null)
            problems.Add($"{where}.settings", wrong);
        else if (Triggers.Count > 0 && inputs == 0)
            problems.Add($"{where}.triggers", $"the {Driver} driver has no GPI inputs to trigger from");
    }

    /// <summary>
    /// Whether the device opens (its driver and settings are right; what is wrong is reported on its own), and the commands
    /// it then takes (null: any, as the dry-run log device).
    /// </summary>
    internal (bool Opens, IReadOnlyList<DeviceCommandSpec>? Commands) Commands(ServiceConfig service)
    {
        if (DeviceDrivers.Find(Driver) is not { } driver)
            return (false, null);
        var (_, commands, wrong) = Open(driver, service);
        return (wrong is null, commands);
    }

    /// <summary>
    /// Opens the device as its driver reads its settings (not started: nothing is connected): its GPI inputs (0 without)
    /// and commands, or what is wrong with a setting.
    /// </summary>
    private (int? Inputs, IReadOnlyList<DeviceCommandSpec>? Commands, string? Wrong) Open(IDeviceDriver driver, ServiceConfig service)
    {
        try
        {
            using var alarms = new AlarmBoard(NullLogger.Instance);
            var device = driver.Open(Name, Settings, new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System)
            {
                Folder = service.BaseDirectory,
                StreamOutputs = new ChannelStreamOutputs(service, []),
            });
            int inputs = (device as IGpiInputs)?.InputCount ?? 0;
            var commands = device.Commands;
            device.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return (inputs, commands, null);
        }
        catch (ArgumentException error)
        {
            return (null, null, error.Message);
        }
    }
}
