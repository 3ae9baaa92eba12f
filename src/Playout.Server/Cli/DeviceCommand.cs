using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;

namespace Playout.Server.Cli;

/// <summary>
/// `playout device list|status NAME|command NAME COMMAND [ARG=VALUE …]|pairs|changeover PAIR main|reserve`: the running
/// service's devices and main/reserve transmitter pairs (docs/DEVICES.md).
/// </summary>
public static class DeviceCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var command = new Command("device", "The transmission chain's devices of a running service: list them, read one, send one a command");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Status());
        command.Subcommands.Add(Send());
        command.Subcommands.Add(Pairs());
        command.Subcommands.Add(Changeover());
        return command;
    }

    private static Command List()
    {
        var url = ServiceClient.Url();
        var token = ServiceClient.Token();
        var list = new Command("list", "Each device: name, driver, link state, last command") { url, token };
        list.SetAction(result =>
        {
            using var client = ServiceClient.For(result, url, token);
            return client.Send(new HttpRequestMessage(HttpMethod.Get, "api/devices"), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error,
                body => string.Concat(JsonDocument.Parse(body).RootElement.GetProperty("devices").EnumerateArray().Select(d =>
                    $"{d.GetProperty("name").GetString()}\t{d.GetProperty("driver").GetString()}\t{d.GetProperty("state").GetString()}" +
                    $"{(d.GetProperty("error").GetString() is { } error ? $" ({error})" : "")}\t{d.GetProperty("lastAction").GetString()}{Environment.NewLine}")));
        });
        return list;
    }

    private static Command Status()
    {
        var url = ServiceClient.Url();
        var token = ServiceClient.Token();
        var name = new Argument<string>("name") { Description = "The device's configured name" };
        var status = new Command("status", "One device whole (JSON): identity, link, measurements, settings, commands, last command") { name, url, token };
        status.SetAction(result =>
        {
            using var client = ServiceClient.For(result, url, token);
            return client.Send(new HttpRequestMessage(HttpMethod.Get, $"api/devices/{Uri.EscapeDataString(result.GetValue(name)!)}"),
                result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, Pretty);
        });
        return status;
    }

    private static Command Send()
    {
        var url = ServiceClient.Url();
        var token = ServiceClient.Token();
        var name = new Argument<string>("name") { Description = "The device's configured name" };
        var verb = new Argument<string>("command") { Description = "The command (see 'playout device status NAME' for those it takes)" };
        var arguments = new Argument<string[]>("arguments") { Description = "The command's arguments as NAME=VALUE", Arity = ArgumentArity.ZeroOrMore };
        var send = new Command("command", "Send a device a command (as the token's operator)") { name, verb, arguments, url, token };
        send.SetAction(result =>
        {
            var given = new Dictionary<string, string>(StringComparer.Ordinal);
            string[] pairs = result.GetValue(arguments) ?? [];
            for (int i = 0; i < pairs.Length; i++)
            {
                int equals = pairs[i].IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                    throw new CliInputException($"argument {i + 1} '{pairs[i]}' is not NAME=VALUE");
                if (!given.TryAdd(pairs[i][..equals], pairs[i][(equals + 1)..]))
                    throw new CliInputException($"argument {i + 1}: '{pairs[i][..equals]}' is given twice");
            }
            using var client = ServiceClient.For(result, url, token);
            string device = result.GetValue(name)!, what = result.GetValue(verb)!;
            var request = new HttpRequestMessage(HttpMethod.Post, $"api/devices/{Uri.EscapeDataString(device)}/commands/{Uri.EscapeDataString(what)}")
            {
                Content = JsonContent.Create(given),
            };
            int code = client.Send(request, TextWriter.Null, result.InvocationConfiguration.Error);
            if (code == PlayoutCli.Ok)
                result.InvocationConfiguration.Output.WriteLine($"{device}: {what} done");
            return code;
        });
        return send;
    }

    private static Command Pairs()
    {
        var url = ServiceClient.Url();
        var token = ServiceClient.Token();
        var pairs = new Command("pairs", "Each main/reserve transmitter pair: name, side on air, each side's fault, last changeover") { url, token };
        pairs.SetAction(result =>
        {
            using var client = ServiceClient.For(result, url, token);
            return client.Send(new HttpRequestMessage(HttpMethod.Get, "api/transmitter-pairs"), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error,
                body => string.Concat(JsonDocument.Parse(body).RootElement.EnumerateArray().Select(p =>
                    $"{p.GetProperty("name").GetString()}\t{p.GetProperty("state").GetString()}\tmain: {Fault(p, "mainFault")}\treserve: {Fault(p, "reserveFault")}" +
                    $"\t{(p.GetProperty("lastChangeover") is { ValueKind: JsonValueKind.Object } last ? $"last: to {last.GetProperty("to").GetString()} at {last.GetProperty("at").GetString()}, {last.GetProperty("why").GetString()}" : "no changeover")}" +
                    Environment.NewLine)));
        });
        return pairs;
    }

    private static string Fault(JsonElement pair, string side) => pair.GetProperty(side).GetString() ?? "ok";

    private static Command Changeover()
    {
        var url = ServiceClient.Url();
        var token = ServiceClient.Token();
        var name = new Argument<string>("pair") { Description = "The pair's configured name" };
        var to = new Argument<string>("to") { Description = "main or reserve" };
        to.AcceptOnlyFromAmong("main", "reserve");
        var changeover = new Command("changeover", "Put a pair's main or reserve transmitter on air (as the token's operator)") { name, to, url, token };
        changeover.SetAction(result =>
        {
            using var client = ServiceClient.For(result, url, token);
            string pair = result.GetValue(name)!, side = result.GetValue(to)!;
            int code = client.Send(new HttpRequestMessage(HttpMethod.Post, $"api/transmitter-pairs/{Uri.EscapeDataString(pair)}/changeover?to={side}"),
                TextWriter.Null, result.InvocationConfiguration.Error);
            if (code == PlayoutCli.Ok)
                result.InvocationConfiguration.Output.WriteLine($"{pair}: {side} on air");
            return code;
        });
        return changeover;
    }

    private static string Pretty(string body) => JsonSerializer.Serialize(JsonDocument.Parse(body).RootElement, Indented) + Environment.NewLine;
}
