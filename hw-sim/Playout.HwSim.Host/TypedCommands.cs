namespace Playout.HwSim.Host;

/// <summary>
/// The commands typed into a twin's process, one a line until `quit` or the end of its input: each is split into words
/// and answered on one line by what <c>execute</c> did, or, when it is no command, by the list of commands.
/// </summary>
internal static class TypedCommands
{
    public static void Read(TextReader input, TextWriter output, Func<string[], string?> execute, string commands)
    {
        while (input.ReadLine() is { } line)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words is ["quit"])
                break;
            if (words.Length > 0)
                output.WriteLine(execute(words) ?? $"unknown command '{line}'; {commands}");
        }
    }
}
