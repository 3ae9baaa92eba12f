using System.Globalization;
using Playout.HwSim.Serial;
using Playout.HwSim.Transmitter;

namespace Playout.HwSim.Host;

/// <summary>
/// `playout-hwsim serial transmitter|encoder --port PATH`: a serial twin in a process of its own, on a serial device
/// (one end of a socat pseudo-terminal pair, or a real port looped to the service's); the service reaches it with the
/// "serial-ascii" driver and the matching profile. Typed commands inject the line's faults and the device's own.
/// </summary>
public static class SerialTwinHost
{
    private const string Usage = "usage: serial transmitter|encoder --port PATH";
    private const string LineCommands = "line silent|garbled|noise on|off, delay MS, quit";
    private const string TransmitterCommands = "fault vswr-trip|over-temperature|exciter-failure|rf-mute|comms-loss on|off, reset, status, " + LineCommands;
    private const string EncoderCommands = "input lost|present, fault on|off, status, " + LineCommands;

    public static int Run(string[] args, TextReader input, TextWriter output)
    {
        if (args is not [("transmitter" or "encoder") and var kind, "--port", var port])
            return Refuse(output, args.Length > 0 && args[0] is not ("transmitter" or "encoder") ? $"unknown twin '{args[0]}'; {Usage}" : Usage);
        SerialTwin twin;
        TransmitterState? state = null;
        try
        {
            if (kind == "transmitter")
            {
                state = new TransmitterState(TimeProvider.System, 1000, TimeSpan.FromSeconds(2));
                twin = new TransmitterSerialFrontEnd(port, state);
            }
            else
                twin = new EncoderSerialTwin(port);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return Refuse(output, $"cannot open {port}: {error.Message}");
        }
        using (twin)
        {
            string commands = "commands: " + (state is null ? EncoderCommands : TransmitterCommands);
            output.WriteLine($"{kind} twin on {port}");
            output.WriteLine(commands);
            while (input.ReadLine() is { } line)
            {
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words is ["quit"])
                    break;
                if (words.Length > 0)
                    output.WriteLine(Line(twin, words) ?? (state is null ? Encoder((EncoderSerialTwin)twin, words) : Transmitter(state, words)) ?? $"unknown command '{line}'; {commands}");
            }
        }
        return 0;
    }

    /// <summary>What a typed line fault did, or null when it is not one.</summary>
    private static string? Line(SerialTwin twin, string[] words)
    {
        switch (words)
        {
            case ["line", "silent" or "garbled" or "noise", "on" or "off"]:
                bool on = words[2] == "on";
                if (words[1] == "silent")
                    twin.Silent = on;
                else if (words[1] == "garbled")
                    twin.Garbled = on;
                else
                    twin.Noise = on;
                return $"line {words[1]} {words[2]}";
            case ["delay", var text] when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int ms) && ms <= 60_000:
                twin.ReplyDelay = TimeSpan.FromMilliseconds(ms);
                return ms == 0 ? "replies at once" : $"replies after {ms} ms";
            default:
                return null;
        }
    }

    private static string? Transmitter(TransmitterState state, string[] words)
    {
        switch (words)
        {
            case ["fault", var name, "on" or "off"] when Fault(name) is { } fault:
                if (words[2] == "on")
                    state.Inject(fault);
                else
                    state.Clear(fault);
                return $"{name} {words[2]}";
            case ["reset"]:
                state.ResetFaults();
                return "faults reset";
            case ["status"]:
                return string.Create(CultureInfo.InvariantCulture,
                    $"rf {(state.RfOn ? "on" : "off")}, {state.ForwardWatts:0} W, VSWR {state.Vswr:0.00}, {state.TemperatureCelsius:0.0} °C, power {state.PowerPercent} %");
            default:
                return null;
        }
    }

    private static string? Encoder(EncoderSerialTwin encoder, string[] words)
    {
        switch (words)
        {
            case ["input", "lost" or "present"]:
                encoder.InputLost = words[1] == "lost";
                return $"input {words[1]}";
            case ["fault", "on" or "off"]:
                encoder.Failed = words[1] == "on";
                return $"fault {words[1]}";
            case ["status"]:
                return $"service {(encoder.Running ? "running" : "stopped")}, {encoder.BitrateKbps} kbit/s, out {encoder.OutputKbps} kbit/s, input {(encoder.InputLost ? "lost" : "present")}, fault {(encoder.Failed ? "on" : "off")}";
            default:
                return null;
        }
    }

    private static TransmitterFault? Fault(string name) => name switch
    {
        "vswr-trip" => TransmitterFault.VswrTrip,
        "over-temperature" => TransmitterFault.OverTemperature,
        "exciter-failure" => TransmitterFault.ExciterFailure,
        "rf-mute" => TransmitterFault.RfMute,
        "comms-loss" => TransmitterFault.CommunicationsLoss,
        _ => null,
    };

    private static int Refuse(TextWriter output, string why)
    {
        output.WriteLine($"playout-hwsim serial: {why}");
        return 2;
    }
}
