using System.Globalization;
using Playout.HwSim.Videohub;

namespace Playout.HwSim.Host;

/// <summary>
/// `playout-hwsim videohub [--port 9990] [--inputs 12] [--outputs 12]`: the Videohub router twin in a process of its own,
/// on loopback, for demos (the service reaches it with the "videohub" driver). Typed commands move routes and inject
/// faults while it runs; indexes are 0-based, as on the wire.
/// </summary>
public static class VideohubHost
{
    internal const string Commands = "commands: fault hang|garble|prelude-without-newline|ack-without-echo on|off, drop, idle SECONDS|off, route OUTPUT INPUT, routes, quit";

    public static int Run(string[] args, TextReader input, TextWriter output)
    {
        int port = 9990, inputs = 12, outputs = 12;
        for (int i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
                return Refuse(output, $"option {args[i]} needs a value");
            bool parsed = int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int value);
            switch (args[i])
            {
                case "--port" when parsed && value <= 65535: port = value; break;
                case "--inputs" when parsed && value is >= 1 and <= 288: inputs = value; break;
                case "--outputs" when parsed && value is >= 1 and <= 288: outputs = value; break;
                case "--port" or "--inputs" or "--outputs": return Refuse(output, $"{args[i]}: '{args[i + 1]}' is out of range (port 0 to 65535, ports 1 to 288)");
                default: return Refuse(output, $"unknown option {args[i]}; options: --port, --inputs, --outputs");
            }
        }
        var twin = new VideohubTwin(inputs, outputs, port: port);
        try
        {
            twin.Start();
            output.WriteLine($"videohub twin: {inputs}x{outputs}, listening on 127.0.0.1:{twin.Port}");
            output.WriteLine(Commands);
            while (input.ReadLine() is { } line)
            {
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words is ["quit"])
                    break;
                if (words.Length > 0)
                    output.WriteLine(Execute(twin, words) ?? $"unknown command '{line}'; {Commands}");
            }
        }
        finally
        {
            twin.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return 0;
    }

    /// <summary>What a typed command did, or null when it is not one.</summary>
    internal static string? Execute(VideohubTwin twin, string[] words)
    {
        switch (words)
        {
            case ["fault", var name, "on" or "off"] when Fault(name) is { } fault:
                twin.SetFault(fault, words[2] == "on");
                return $"{name} {words[2]}";
            case ["drop"]:
                twin.DropLinks();
                return "links dropped";
            case ["idle", "off"]:
                twin.IdleTimeout = null;
                return "idle clients kept";
            case ["idle", var text] when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds is > 0 and <= 3600:
                twin.IdleTimeout = TimeSpan.FromSeconds(seconds);
                return $"idle clients closed after {text} s";
            case ["route", var o, var i] when Index(o, twin.Outputs) is { } output && Index(i, twin.Inputs) is { } routed:
                twin.Route(output, routed);
                return $"output {output} from input {routed}";
            case ["routes"]:
                return string.Join(" ", twin.Routes().Select((input, output) => $"{output}:{input}"));
            default:
                return null;
        }
    }

    private static int? Index(string text, int count) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < count ? index : null;

    private static VideohubFault? Fault(string name) => name switch
    {
        "hang" => VideohubFault.Hang,
        "garble" => VideohubFault.Garble,
        "prelude-without-newline" => VideohubFault.PreludeWithoutNewline,
        "ack-without-echo" => VideohubFault.AckWithoutEcho,
        _ => null,
    };

    private static int Refuse(TextWriter output, string why)
    {
        output.WriteLine($"playout-hwsim videohub: {why}");
        return 2;
    }
}
