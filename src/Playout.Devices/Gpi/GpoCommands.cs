using System.Globalization;

namespace Playout.Devices.Gpi;

/// <summary>
/// The commands of a device with GPI outputs numbered from 1 (the serial GPI box, Linux GPIO lines): <c>set</c> an output
/// on or off, <c>pulse</c> it on for a time then off. Each device switches an output its own way.
/// </summary>
internal static class GpoCommands
{
    /// <summary>Set and pulse for outputs 1 to <paramref name="outputs"/>; none when there are no outputs.</summary>
    public static IReadOnlyList<DeviceCommandSpec> For(int outputs)
    {
        if (outputs == 0)
            return [];
        var output = new DeviceParameterSpec("output", Min: 1, Max: outputs, Integer: true);
        return
        [
            new DeviceCommandSpec("set", "close (on) or open (off) an output", [output, new DeviceParameterSpec("state", Values: ["on", "off"])]),
            new DeviceCommandSpec("pulse", "close an output for a time, then open it", [output, new DeviceParameterSpec("ms", Min: 10, Max: 10_000, Unit: "ms", Integer: true)]),
        ];
    }

    /// <summary>Carries out a checked set or pulse through <paramref name="switchOutput"/> (output, closed): a pulse closes it, waits, and opens it.</summary>
    public static async Task ExecuteAsync(string command, IReadOnlyDictionary<string, string> arguments, Func<int, bool, CancellationToken, Task> switchOutput,
        CancellationToken cancel)
    {
        int output = int.Parse(arguments["output"], CultureInfo.InvariantCulture);
        if (command == "set")
        {
            await switchOutput(output, arguments["state"] == "on", cancel).ConfigureAwait(false);
            return;
        }
        await switchOutput(output, true, cancel).ConfigureAwait(false);
        await Task.Delay(int.Parse(arguments["ms"], CultureInfo.InvariantCulture), cancel).ConfigureAwait(false);
        await switchOutput(output, false, cancel).ConfigureAwait(false);
    }
}
