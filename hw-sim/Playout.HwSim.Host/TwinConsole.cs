using System.Globalization;
using System.Net.Sockets;
using Playout.Devices.Transmitter;
using Playout.HwSim.Serial;
using Playout.HwSim.Snmp;

namespace Playout.HwSim.Host;

/// <summary>
/// What the SNMP twins' processes share (`playout-hwsim transmitter|encoder`): the options `--port`, `--profile`,
/// `--name` and `--serial` (the twin's serial front end on that serial device too, on the same state), the twin on
/// loopback, and a loop of typed commands: the twin's own, then `fault comms|garble on|off`, `delay MS|off`, the serial
/// line's `serial silent|garbled|noise on|off` and `serial delay MS|off`, `status` and `quit`.
/// </summary>
internal sealed record TwinConsole<TTwin>(string Kind, int DefaultPort, string DefaultProfile, string DefaultName,
    Func<TransmitterProfile, int, string, TTwin> Open, Func<TTwin, string> Status, Action<TTwin, bool> CommsLoss,
    string FaultNames, Func<TTwin, string[], string?> Execute, string OwnCommands) where TTwin : ProfileTwin
{
    /// <summary>The twin's serial front end on a serial device (a pseudo-terminal end), answering from the twin's state: (twin, device, name).</summary>
    public required Func<TTwin, string, string, SerialTwin> SerialFrontEnd { get; init; }

    public string Commands => $"commands: fault {FaultNames}|comms|garble on|off, {OwnCommands}delay MS|off, serial silent|garbled|noise on|off, serial delay MS|off, status, quit";

    /// <summary>The twin on <paramref name="port"/> with the shipped profile, reporting <paramref name="name"/> (the demo chain's).</summary>
    public TTwin OpenShipped(int port, string name) => Open(TransmitterProfiles.Load(ShippedProfile(DefaultProfile)), port, name);

    /// <summary>What a typed command did to <paramref name="twin"/>, or null when it is not one.</summary>
    public string? Command(TTwin twin, string[] words) => Execute(twin, words) ?? Shared(twin, words);

    public int Run(string[] args, TextReader input, TextWriter output)
    {
        int port = DefaultPort;
        string? profilePath = null;
        string name = DefaultName;
        string? serialPath = null;
        for (int i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
                return Refuse(output, $"option {args[i]} needs a value");
            string value = args[i + 1];
            switch (args[i])
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number <= 65535: port = number; break;
                case "--port": return Refuse(output, $"--port: '{value}' is not a port from 0 to 65535");
                case "--profile": profilePath = value; break;
                case "--name" when value.Trim().Length > 0: name = value; break;
                case "--name": return Refuse(output, "--name: empty");
                case "--serial": serialPath = value; break;
                default: return Refuse(output, $"unknown option {args[i]}; options: --port, --profile, --name, --serial");
            }
        }
        TTwin twin;
        try
        {
            twin = Open(TransmitterProfiles.Load(profilePath ?? ShippedProfile(DefaultProfile)), port, name);
        }
        catch (ArgumentException error)
        {
            return Refuse(output, error.Message);
        }
        catch (SocketException error)
        {
            return Refuse(output, $"cannot listen on 127.0.0.1:{port}: {error.Message}");
        }
        SerialTwin? serial = null;
        try
        {
            serial = serialPath is null ? null : SerialFrontEnd(twin, serialPath, name);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            twin.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return Refuse(output, $"--serial: cannot open {serialPath}: {error.Message}");
        }
        try
        {
            output.WriteLine($"{Kind} twin '{name}': listening on {twin.Address} (communities public, private){(serial is null ? "" : $", serial on {serialPath}")}");
            output.WriteLine(Commands);
            TypedCommands.Read(input, output, words => Command(twin, words) ?? Serial(serial, words), Commands);
        }
        finally
        {
            serial?.Dispose();
            twin.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return 0;
    }

    /// <summary>What a command every SNMP twin takes did, or null when it is not one.</summary>
    private string? Shared(TTwin twin, string[] words)
    {
        switch (words)
        {
            case ["fault", "comms", "on" or "off"]:
                CommsLoss(twin, words[2] == "on");
                return $"comms {words[2]}";
            case ["fault", "garble", "on" or "off"]:
                twin.GarbleReplies = words[2] == "on";
                return $"garble {words[2]}";
            case ["delay", "off"]:
                twin.ReplyDelay = TimeSpan.Zero;
                return "replies at once";
            case ["delay", var text] when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int ms) && ms <= 600_000:
                twin.ReplyDelay = TimeSpan.FromMilliseconds(ms);
                return $"replies after {ms} ms";
            case ["status"]:
                return $"{Status(twin)}; sets {twin.Sets}";
            default:
                return null;
        }
    }

    /// <summary>What a command to the serial line did, or null when it is not one.</summary>
    private static string? Serial(SerialTwin? serial, string[] words)
    {
        if (words is not ["serial", _, ..])
            return null;
        if (serial is null)
            return "no serial port (start with --serial PATH)";
        switch (words)
        {
            case ["serial", "silent" or "garbled" or "noise", "on" or "off"]:
                bool on = words[2] == "on";
                if (words[1] == "silent")
                    serial.Silent = on;
                else if (words[1] == "garbled")
                    serial.Garbled = on;
                else
                    serial.Noise = on;
                return $"serial {words[1]} {words[2]}";
            case ["serial", "delay", "off"]:
                serial.ReplyDelay = TimeSpan.Zero;
                return "serial replies at once";
            case ["serial", "delay", var text] when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int ms) && ms <= 600_000:
                serial.ReplyDelay = TimeSpan.FromMilliseconds(ms);
                return $"serial replies after {ms} ms";
            default:
                return null;
        }
    }

    /// <summary>A profile shipped in configs/devices, found from the program's folder up (the repository it was built in).</summary>
    private static string ShippedProfile(string file)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string path = Path.Combine(folder.FullName, "configs", "devices", file);
            if (File.Exists(path))
                return path;
        }
        throw new ArgumentException($"--profile: configs/devices/{file} is not above {AppContext.BaseDirectory}; name a profile file");
    }

    private int Refuse(TextWriter output, string why)
    {
        output.WriteLine($"playout-hwsim {Kind}: {why}");
        return 2;
    }
}
