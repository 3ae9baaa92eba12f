using System.CommandLine;

namespace Playout.Server.Cli;

/// <summary>`playout ctl take|hold|release|skip --channel N`: operator actions on a running service.</summary>
public static class CtlCommand
{
    public static Command Create()
    {
        var command = new Command("ctl", "Operator actions on a running service's automated channel");
        foreach (var (name, description) in (ReadOnlySpan<(string, string)>)
            [
                ("take", "Take the next event to air now (a manual event waiting for its take, or the next event early)"),
                ("hold", "Hold the event on air past its planned end until a take or a release"),
                ("release", "Release a hold: the event on air ends at its planned end, or the next event follows now"),
                ("skip", "Drop the next event from the running order"),
            ])
        {
            var url = ServiceClient.Url();
            var token = ServiceClient.Token();
            var channel = ServiceClient.Channel();
            var action = new Command(name, description) { channel, url, token };
            action.SetAction(result =>
            {
                using var client = ServiceClient.For(result, url, token);
                var output = result.InvocationConfiguration.Output;
                int code = client.Send(new HttpRequestMessage(HttpMethod.Post, $"api/channels/{result.GetValue(channel)}/{name}"), TextWriter.Null,
                    result.InvocationConfiguration.Error);
                if (code == PlayoutCli.Ok)
                    output.WriteLine($"channel {result.GetValue(channel)}: {name} done");
                return code;
            });
            command.Subcommands.Add(action);
        }
        return command;
    }
}
