using System.CommandLine;
using System.Runtime.InteropServices;
using Playout.Server.Hosting;

namespace Playout.Server.Cli;

/// <summary>`playout serve [--config FILE] [--seconds N]`: runs the service until Ctrl-C (or SIGTERM, or N seconds).</summary>
public static class ServeCommand
{
    /// <summary>The configuration the service runs by default; other verbs that need the service's settings read it too.</summary>
    public const string DefaultConfig = "configs/demo.json";

    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Service configuration (JSON)", DefaultValueFactory = _ => DefaultConfig };
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this many seconds (default: run until Ctrl-C)" };
        var command = new Command("serve", "Put the configured channels on air and serve the status page") { config, seconds };
        command.SetAction(result => Serve(result.GetValue(config)!, result.GetValue(seconds), result.InvocationConfiguration.Error));
        return command;
    }

    private static int Serve(string config, double? seconds, TextWriter error)
    {
        using var stop = seconds is { } limit ? new CancellationTokenSource(TimeSpan.FromSeconds(limit)) : new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            PlayoutService.Run(config, stop.Token).GetAwaiter().GetResult();
            return PlayoutCli.Ok;
        }
        catch (ConfigException e)
        {
            error.WriteLine($"playout: {e.Message}");
            return PlayoutCli.BadInput;
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"playout: {e.Message}");
            return PlayoutCli.Failure;
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
