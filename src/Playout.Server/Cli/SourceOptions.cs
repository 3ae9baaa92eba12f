using System.CommandLine;
using Playout.Automation.Schedules;

namespace Playout.Server.Cli;

/// <summary>
/// `--media DIR... --protocols P...`: where an offline command lets a schedule's sources come from, as the service's
/// configuration would (<see cref="SourceRules"/>); closed by default to ./media and udp, rtp, srt.
/// </summary>
public sealed class SourceOptions
{
    private readonly Option<string[]> _media = new("--media")
    {
        Description = "The media folder the file's names are looked up in, then any other media roots; sources outside them are errors (default: ./media)",
        DefaultValueFactory = _ => ["media"],
    };

    private readonly Option<string[]> _protocols = new("--protocols")
    {
        Description = "The network protocols a stream source may use (default: udp rtp srt)",
        DefaultValueFactory = _ => [.. Engine.MediaUrl.DefaultProtocols],
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>Adds both options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_media);
        command.Options.Add(_protocols);
    }

    /// <summary>The rules the parsed options stand for.</summary>
    public SourceRules Rules(ParseResult result)
    {
        var roots = result.GetValue(_media)!;
        return SourceRules.For(roots.FirstOrDefault() ?? "media", roots.Skip(1), result.GetValue(_protocols));
    }
}
