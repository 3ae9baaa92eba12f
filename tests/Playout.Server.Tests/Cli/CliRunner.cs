using Playout.Server.Cli;

namespace Playout.Server.Tests.Cli;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = PlayoutCli.Run(args, TextReader.Null, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The built `playout` assembly, to run as a real process (for stdin/stdout).</summary>
    public static string Assembly => Path.Combine(AppContext.BaseDirectory, "playout.dll");
}
