using System.CommandLine;
using System.Globalization;

namespace Playout.Server.Cli;

/// <summary>`playout asrun export --channel N --day YYYY-MM-DD [--format csv|xml|json] [--out FILE]`: a day's as-run log from a running service.</summary>
public static class AsRunCommand
{
    public static Command Create()
    {
        var url = ServiceClient.Url();
        var token = ServiceClient.Token();
        var channel = ServiceClient.Channel();
        var day = new Option<string>("--day") { Description = "Broadcast day (YYYY-MM-DD)", Required = true };
        var format = new Option<string>("--format") { Description = "csv, xml (BXF-style AsRun) or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xml", "json");
        var output = new Option<string?>("--out") { Description = "Write to this file (default: standard output)" };
        var export = new Command("export", "Export a broadcast day's as-run log") { channel, day, format, output, url, token };
        export.SetAction(result =>
        {
            string date = result.GetValue(day)!;
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                throw new CliInputException($"--day: '{date}' is not a day (YYYY-MM-DD)");
            using var client = ServiceClient.For(result, url, token);
            var text = new StringWriter();
            int code = client.Send(new HttpRequestMessage(HttpMethod.Get,
                $"api/channels/{result.GetValue(channel)}/asrun/{date}?format={result.GetValue(format)}"), text, result.InvocationConfiguration.Error);
            if (code != PlayoutCli.Ok)
                return code;
            if (result.GetValue(output) is { } file)
            {
                using var atomic = new AtomicOutput(file);
                atomic.Stream.Write(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
                atomic.Commit();
            }
            else
                result.InvocationConfiguration.Output.Write(text.ToString());
            return code;
        });
        return new Command("asrun", "As-run logs") { export };
    }
}
