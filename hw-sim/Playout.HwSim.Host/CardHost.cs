using System.Globalization;
using Playout.Media.Formats;

namespace Playout.HwSim.Host;

/// <summary>
/// `playout-hwsim [--format 1080i50] [--socket PATH] [--jitter-us N] [--index N]`: a simulated card in a process of
/// its own, for demos: the service reaches it with the "hw-sim-remote" driver. Typed commands inject faults while
/// it runs: `fault reference-loss|late-dma|underrun on|off`, `stats`, `quit`.
/// </summary>
public static class CardHost
{
    public static int Run(string[] args, TextReader input, TextWriter output)
    {
        string format = "1080i50", socket = RemoteCardDriver.DefaultSocket;
        int jitter = 200, index = 0;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--format": format = args[i + 1]; break;
                case "--socket": socket = args[i + 1]; break;
                case "--jitter-us": jitter = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--index": index = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default:
                    output.WriteLine($"playout-hwsim: unknown option {args[i]}; options: --format, --socket, --jitter-us, --index");
                    return 2;
            }
        }
        if (args.Length % 2 != 0)
        {
            output.WriteLine($"playout-hwsim: option {args[^1]} needs a value");
            return 2;
        }
        var mode = VideoFormats.Find(format);
        if (mode is null)
        {
            output.WriteLine($"playout-hwsim: unknown video format '{format}'");
            return 2;
        }
        using var server = new CardServer(new SimulatedCard(mode, new SimulatedCardOptions(Inputs: 0, JitterMicroseconds: jitter, Index: index)), socket);
        server.Log += message => output.WriteLine($"{server.Card.Name}: {message}");
        output.WriteLine($"{server.Card.Name}: {mode.Name}, vertical sync with {jitter} us jitter, listening on {server.SocketPath}");
        output.WriteLine("commands: fault reference-loss|late-dma|underrun on|off, stats, quit");
        TypedCommands.Read(input, output, words => words switch
        {
            ["stats"] => Stats(server.Card),
            ["fault", var name, var state] when Fault(name) is { } fault && state is "on" or "off" => SetFault(server.Card, fault, state == "on"),
            _ => null,
        }, "commands: fault reference-loss|late-dma|underrun on|off, stats, quit");
        return 0;
    }

    private static string Stats(SimulatedCard card)
    {
        var output = card.SimulatedOutputs[0];
        var counters = output.Counters;
        return $"syncs {card.Syncs}, played {counters.FramesPlayed}, repeated {counters.Underruns}, late {counters.LateFrames}, cadence errors {output.CadenceErrors}";
    }

    private static string SetFault(SimulatedCard card, CardFault fault, bool on)
    {
        card.SetFault(fault, on);
        return $"{fault} {(on ? "on" : "off")}";
    }

    private static CardFault? Fault(string name) => name switch
    {
        "reference-loss" => CardFault.ReferenceLoss,
        "late-dma" => CardFault.LateDma,
        "underrun" => CardFault.Underrun,
        _ => null,
    };
}
