using System.Text;

namespace Playout.TestSupport;

/// <summary>What a finished program left: its exit code, its standard output and its standard error.</summary>
public sealed record ToolResult(int ExitCode, byte[] Output, string Error)
{
    public string OutputText => Encoding.UTF8.GetString(Output);
}
