using System.CommandLine;

namespace Playout.Server.Cli;

/// <summary>The `playout` command line: one verb per command class; usage and input errors exit with code 2.</summary>
public static class PlayoutCli
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Playout — broadcast playout and transmission control")
        {
            AsRunCommand.Create(),
            ConvertCommand.Create(),
            CtlCommand.Create(),
            DeviceCommand.Create(),
            FormatsCommand.Create(),
            LoudnessCommand.Create(),
            MediaCommand.Create(),
            ScheduleCommand.Create(),
            ScriptCommand.Create(),
            Scte35Command.Create(),
            ServeCommand.Create(),
            TimecodeCommand.Create(),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
        {
            foreach (var error in parsed.Errors)
                stderr.WriteLine($"playout: {error.Message}");
            stderr.WriteLine("Run 'playout --help' for usage.");
            return BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is CliInputException or IOException or UnauthorizedAccessException)
        {
            // Files that cannot be read or written are the caller's input too.
            stderr.WriteLine($"playout: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The last resort: one line, never a stack trace (a bug, to be reported with this line).
            stderr.WriteLine($"playout: unexpected error ({e.GetType().Name}): {e.Message}");
            return Failure;
        }
    }
}
