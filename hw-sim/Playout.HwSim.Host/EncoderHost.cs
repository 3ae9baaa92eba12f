using System.Globalization;
using Playout.HwSim.Encoder;

namespace Playout.HwSim.Host;

/// <summary>
/// `playout-hwsim encoder [--port 16162] [--profile FILE] [--name X] [--serial PATH]`: the external encoder twin in a
/// process of its own, on loopback (the service reaches it with the "snmp-encoder" driver and the same profile), and with
/// --serial its serial front end on that device too (the "serial-ascii" driver). Typed commands inject faults:
/// `fault input|encoder|comms|garble on|off`, `delay MS|off`, the serial line's `serial …`, `status`, `quit`.
/// </summary>
public static class EncoderHost
{
    internal static readonly TwinConsole<EncoderTwin> Shell = new("encoder", 16162, "encoder-generic.json", "Playout encoder twin H.264",
        (profile, port, name) => new EncoderTwin(profile, new EncoderTwinOptions { Port = port, Description = name }),
        Status, (twin, on) => Set(twin, EncoderFault.CommunicationsLoss, on), "input|encoder", Execute, "")
    {
        SerialFrontEnd = (twin, path, _) => new EncoderSerialFrontEnd(path, twin.State),
    };

    public static int Run(string[] args, TextReader input, TextWriter output) => Shell.Run(args, input, output);

    private static string? Execute(EncoderTwin twin, string[] words)
    {
        if (words is not ["fault", var name, "on" or "off"] || Fault(name) is not { } fault)
            return null;
        Set(twin, fault, words[2] == "on");
        return $"{name} {words[2]}";
    }

    private static void Set(EncoderTwin twin, EncoderFault fault, bool on)
    {
        if (on) twin.Inject(fault);
        else twin.Clear(fault);
    }

    private static string Status(EncoderTwin twin)
    {
        var s = twin.State;
        string[] faults = [.. Enum.GetValues<EncoderFault>().Where(s.Has).Select(f => f.ToString())];
        return string.Create(CultureInfo.InvariantCulture,
            $"service {(s.Running ? "running" : "stopped")}, bitrate {s.BitrateKbps / 1000.0} Mbit/s, output {s.OutputKbps / 1000.0} Mbit/s, input {(s.InputPresent ? "present" : "lost")}; "
            + $"faults {(faults.Length == 0 ? "none" : string.Join(" ", faults))}");
    }

    private static EncoderFault? Fault(string name) => name switch
    {
        "input" => EncoderFault.InputLoss,
        "encoder" => EncoderFault.EncoderFailure,
        _ => null,
    };
}
