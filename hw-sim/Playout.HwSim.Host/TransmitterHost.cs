using System.Globalization;
using Playout.HwSim.Transmitter;

namespace Playout.HwSim.Host;

/// <summary>
/// `playout-hwsim transmitter [--port 16161] [--profile FILE] [--name X] [--serial PATH]`: the transmitter twin in a
/// process of its own, on loopback (the service reaches it with the "snmp-transmitter" driver and the same profile), and
/// with --serial its serial front end on that device too (the "serial-ascii" driver). Typed commands inject faults:
/// `fault vswr|temperature|exciter|mute|comms|garble on|off`, `reset` (the front panel's fault reset), `rf on|off`,
/// `delay MS|off`, the serial line's `serial …`, `status`, `quit`.
/// </summary>
public static class TransmitterHost
{
    internal static readonly TwinConsole<TransmitterTwin> Shell = new("transmitter", 16161, "transmitter-generic.json", "Playout transmitter twin 1 kW",
        (profile, port, name) => new TransmitterTwin(profile, new TransmitterTwinOptions { Port = port, Description = name }),
        Status, (twin, on) => Set(twin, TransmitterFault.CommunicationsLoss, on), "vswr|temperature|exciter|mute", Execute, "reset, rf on|off, ")
    {
        SerialFrontEnd = (twin, path, name) => new TransmitterSerialFrontEnd(path, twin.State, name),
    };

    public static int Run(string[] args, TextReader input, TextWriter output) => Shell.Run(args, input, output);

    private static string? Execute(TransmitterTwin twin, string[] words)
    {
        switch (words)
        {
            case ["fault", var name, "on" or "off"] when Fault(name) is { } fault:
                Set(twin, fault, words[2] == "on");
                return $"{name} {words[2]}";
            case ["reset"]:
                twin.State.ResetFaults();
                return "faults reset";
            case ["rf", "on" or "off"]:
                twin.State.RfOn = words[1] == "on";
                return $"rf {(twin.State.RfOn ? "on" : "off")}";
            default:
                return null;
        }
    }

    private static void Set(TransmitterTwin twin, TransmitterFault fault, bool on)
    {
        if (on) twin.Inject(fault);
        else twin.Clear(fault);
    }

    private static string Status(TransmitterTwin twin)
    {
        var s = twin.State;
        string[] faults = [.. Enum.GetValues<TransmitterFault>().Where(s.Has).Select(f => f.ToString())];
        return string.Create(CultureInfo.InvariantCulture,
            $"rf {(s.RfOn ? "on" : "off")}, power {s.PowerPercent} %, forward {s.ForwardWatts:0.0} W, reflected {s.ReflectedWatts:0.0} W, VSWR {s.Vswr:0.00}, {s.TemperatureCelsius:0.0} °C, "
            + $"{(s.Reserve ? "reserve" : "main")}, exciter {(s.ExciterB ? "B" : "A")}, {(s.DummyLoad ? "dummy load" : "antenna")}; "
            + $"faults {(faults.Length == 0 ? "none" : string.Join(" ", faults))}{(s.VswrTripped ? ", VSWR trip latched" : "")}");
    }

    private static TransmitterFault? Fault(string name) => name switch
    {
        "vswr" => TransmitterFault.VswrTrip,
        "temperature" => TransmitterFault.OverTemperature,
        "exciter" => TransmitterFault.ExciterFailure,
        "mute" => TransmitterFault.RfMute,
        _ => null,
    };
}
