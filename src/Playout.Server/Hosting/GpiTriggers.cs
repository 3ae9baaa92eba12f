using Microsoft.Extensions.Logging;
using Playout.Automation.Schedules;
using Playout.Devices;
using Playout.Server.Web;

namespace Playout.Server.Hosting;

/// <summary>
/// Runs the configured GPI triggers: an edge of a device's input does its action on its channel's automation as
/// "gpi DEVICE input N", off the device's thread, logged with its outcome as an operator's action is (and noted in as-run).
/// </summary>
public static class GpiTriggers
{
    public static void Attach(ServiceConfig config, DeviceRegistry devices, IReadOnlyList<ChannelRuntime> channels, ILogger logger)
    {
        foreach (var device in config.Devices.Where(d => d.Triggers.Count > 0))
        {
            if (devices.Find(device.Name) is not IGpiInputs inputs)
                continue;
            inputs.InputChanged += (input, closed) =>
            {
                foreach (var trigger in device.Triggers.Where(t => t.FiresOn(input, closed)))
                    _ = Task.Run(() => Fire(device.Name, input, trigger, channels, logger));
            };
        }
    }

    private static void Fire(string device, int input, DeviceTrigger trigger, IReadOnlyList<ChannelRuntime> channels, ILogger logger)
    {
        if (channels.ElementAtOrDefault(trigger.Channel - 1)?.Automation is not { } host)
            return;
        string who = $"gpi {device} input {input}";
        var automation = host.Automation;
        try
        {
            EditResult result = trigger.Action switch
            {
                "take" => automation.Take(who),
                "hold" => automation.Hold(who),
                "release" => automation.Release(who),
                "break" => automation.StartBreak(who),
                _ => automation.Skip(who),
            };
            logger.LogOperator(automation.Channel.Name, trigger.Action, who, result);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Off the device's thread on a task nobody awaits: logged here or never seen.
            logger.LogError(error, "{Channel}: {Action} by {Who} failed", automation.Channel.Name, trigger.Action, who);
        }
    }
}
