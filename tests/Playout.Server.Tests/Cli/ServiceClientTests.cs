using System.Diagnostics;
using Playout.Server.Tests.Service;
using Playout.Server.Tests.Web;
using Playout.TestSupport;

namespace Playout.Server.Tests.Cli;

/// <summary>How the control verbs reach the service: --url with or without a scheme, a clear exit 2 when it is not there, and the local token.</summary>
[Collection(OpenServiceCollection.Name)]
public class ServiceClientTests(OpenService open)
{
    [Theory]
    [InlineData("127.0.0.1:{0}")]
    [InlineData("http://127.0.0.1:{0}")]
    [InlineData("localhost:{0}/")]
    public void A_service_that_is_not_there_is_exit_code_2_and_one_line_naming_it(string url)
    {
        int port = FreePorts.Tcp();
        var result = CliRunner.Run("ctl", "take", "--channel", "1", "--url", string.Format(null, url, port));
        Assert.Equal(2, result.Code);
        Assert.StartsWith($"playout: cannot reach the service at http://", result.Error);
        Assert.Contains($":{port}/: ", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:8080")]
    [InlineData("http://")]
    [InlineData("127.0.0.1:notaport")]
    public void A_url_that_is_not_a_service_address_is_exit_code_2(string url)
    {
        var result = CliRunner.Run("asrun", "export", "--channel", "1", "--day", "2026-01-01", "--url", url);
        Assert.Equal(2, result.Code);
        Assert.Equal($"playout: --url '{url}' is not a service address (http://HOST:PORT)", result.Error.Trim());
    }

    [Fact]
    public void The_cli_finds_a_local_services_token_in_its_state_folder_and_changes_need_it()
    {
        string url = open.Service.Http;
        var (code, _, error) = Playout(null, "ctl", "hold", "--channel", "1", "--url", url);
        Assert.Equal(2, code);
        Assert.Contains("401", error);
        Assert.Contains("engineer token is in", error);

        (code, var output, error) = Playout(open.StatePath, "ctl", "hold", "--channel", "1", "--url", url);
        Assert.True(code == 0, error);
        Assert.Contains("channel 1: hold done", output);
    }

    /// <summary>The CLI as a process (its environment is its own), in a folder without configs/demo.json.</summary>
    private static (int Code, string Output, string Error) Playout(string? state, params string[] args)
    {
        using var folder = new TempDirectory();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder.Path };
        start.ArgumentList.Add(CliRunner.Assembly);
        foreach (string arg in args)
            start.ArgumentList.Add(arg);
        start.Environment.Remove("PLAYOUT_TOKEN");
        if (state is null)
            start.Environment.Remove("PLAYOUT_STATE");
        else
            start.Environment["PLAYOUT_STATE"] = state;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(30_000));
        return (process.ExitCode, output.Result, error);
    }
}
