using System.Globalization;
using System.Net.Sockets;
using Playout.HwSim.Encoder;
using Playout.HwSim.Gpi;
using Playout.HwSim.Transmitter;
using Playout.HwSim.Videohub;

namespace Playout.HwSim.Host;

/// <summary>
/// `playout-hwsim chain [--gpi PATH]`: the demo transmission chain's twins in one process, on loopback, where
/// configs/demo.json reaches them: the main and reserve transmitters (SNMP, generic profile), the external encoder (SNMP),
/// the Videohub router and, with <c>--gpi</c>, the GPI box on that serial line (a pseudo-terminal end). A typed command
/// names its twin first (`tx-main fault vswr on`, `router route 0 3`, `gpi close 1`); `status` and `quit` stand alone.
/// </summary>
public static class ChainHost
{
    public const int MainPort = 16161, EncoderPort = 16162, ReservePort = 16163, RouterPort = 19990;

    private const string Usage = "commands: tx-main|tx-reserve COMMAND (fault vswr|temperature|exciter|mute|comms|garble on|off, reset, rf on|off, delay MS|off, status), "
        + "encoder COMMAND (fault input|encoder|comms|garble on|off, delay MS|off, status), router COMMAND (fault …, drop, route OUTPUT INPUT, routes), "
        + "gpi close|open INPUT, gpi outputs, status, quit";

    public static int Run(string[] args, TextReader input, TextWriter output)
    {
        string? gpiPort = args switch
        {
            [] => null,
            ["--gpi", var path] => path,
            _ => "",
        };
        if (gpiPort == "")
        {
            output.WriteLine("playout-hwsim chain: options: [--gpi PATH] (the GPI box's serial line)");
            return 2;
        }
        var twins = new List<IAsyncDisposable>();
        try
        {
            var main = Opened(twins, () => TransmitterHost.Shell.OpenShipped(MainPort, "Playout transmitter twin 1 kW (main)"));
            var reserve = Opened(twins, () => TransmitterHost.Shell.OpenShipped(ReservePort, "Playout transmitter twin 1 kW (reserve)"));
            var encoder = Opened(twins, () => EncoderHost.Shell.OpenShipped(EncoderPort, "Playout encoder twin H.264"));
            var router = Opened(twins, () => new VideohubTwin(port: RouterPort));
            router.Start();
            using var gpi = gpiPort is null ? null : new GpiBoxTwin(gpiPort);
            // The main transmitter is on air as a demo starts, the reserve standing by.
            main.State.RfOn = true;
            output.WriteLine($"chain: tx-main on 127.0.0.1:{MainPort}, tx-reserve on 127.0.0.1:{ReservePort}, encoder on 127.0.0.1:{EncoderPort}, "
                + $"router on 127.0.0.1:{RouterPort}{(gpi is null ? "" : $", GPI box on {gpiPort}")}");
            output.WriteLine(Usage);
            while (input.ReadLine() is { } line)
            {
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words is ["quit"])
                    break;
                if (words.Length == 0)
                    continue;
                string? answer = words switch
                {
                    ["status"] => string.Join("\n", $"tx-main: {TransmitterHost.Shell.Command(main, ["status"])}",
                        $"tx-reserve: {TransmitterHost.Shell.Command(reserve, ["status"])}", $"encoder: {EncoderHost.Shell.Command(encoder, ["status"])}"),
                    ["tx-main", .. var rest] => TransmitterHost.Shell.Command(main, rest),
                    ["tx-reserve", .. var rest] => TransmitterHost.Shell.Command(reserve, rest),
                    ["encoder", .. var rest] => EncoderHost.Shell.Command(encoder, rest),
                    ["router", .. var rest] => VideohubHost.Execute(router, rest),
                    ["gpi", .. var rest] when gpi is not null => Gpi(gpi, rest),
                    _ => null,
                };
                output.WriteLine(answer is null ? $"unknown command '{line}'; {Usage}" : $"{words[0]}: {answer}");
            }
            return 0;
        }
        catch (Exception error) when (error is SocketException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            output.WriteLine($"playout-hwsim chain: {error.Message}");
            return 2;
        }
        finally
        {
            foreach (var twin in twins)
                twin.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static T Opened<T>(List<IAsyncDisposable> twins, Func<T> open) where T : IAsyncDisposable
    {
        var twin = open();
        twins.Add(twin);
        return twin;
    }

    private static string? Gpi(GpiBoxTwin box, string[] words) => words switch
    {
        ["close" or "open", var text] when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= GpiBoxTwin.Ports =>
            Set(box, n, words[0] == "close"),
        ["outputs"] => string.Join(" ", Enumerable.Range(1, GpiBoxTwin.Ports).Select(o => $"{o}:{(box.OutputClosed(o) ? "closed" : "open")}")),
        _ => null,
    };

    private static string Set(GpiBoxTwin box, int input, bool closed)
    {
        box.SetInput(input, closed);
        return $"input {input} {(closed ? "closed" : "open")}";
    }
}
