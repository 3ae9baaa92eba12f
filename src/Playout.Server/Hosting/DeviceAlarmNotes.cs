using Playout.Engine.Alarms;

namespace Playout.Server.Hosting;

/// <summary>
/// Writes the alarms of the devices that carry a channel's programme (a device's <c>channel</c>; a transmitter pair's, for
/// the pair and both its transmitters) to that channel's as-run log, as the channel's own alarms are: a VSWR trip or a
/// changeover is part of the broadcast's record.
/// </summary>
public static class DeviceAlarmNotes
{
    public static IDisposable Attach(ServiceConfig config, IReadOnlyList<ChannelRuntime> channels, AlarmBoard alarms)
    {
        // Alarm sources are "device NAME/…" and "transmitters PAIR/…"; the part before the slash names what carries the channel.
        var carriers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var device in config.Devices.Where(d => d.Channel > 0))
            carriers[$"device {device.Name}"] = device.Channel;
        foreach (var pair in config.TransmitterPairs.Where(p => p.Channel > 0))
        {
            carriers[$"transmitters {pair.Name}"] = pair.Channel;
            carriers.TryAdd($"device {pair.Main}", pair.Channel);
            carriers.TryAdd($"device {pair.Reserve}", pair.Channel);
        }
        return alarms.Subscribe(change =>
        {
            if (change.Alarm.Channel is { } carrier && carriers.TryGetValue(carrier, out int channel))
                channels.ElementAtOrDefault(channel - 1)?.Automation?.Automation.Note(change);
        });
    }
}
