using Playout.Automation.Schedules;
using Playout.Engine.Channels;
using Playout.Engine.Producers;
using Playout.Engine.Producers.Clips;

namespace Playout.Automation.Runtime;

/// <summary>
/// The producers of a channel's events: clips and live streams through FFmpeg, stills and graphics from picture
/// files, colours and bars, and card inputs ("card:N") through <paramref name="cardInput"/>.
/// </summary>
/// <param name="resolve">Turns a schedule's media name into a path (the service's media folder); URLs pass unchanged.</param>
/// <param name="filler">What fills gaps: a colour, "bars", or a picture file.</param>
/// <param name="protocols">The network protocols a stream may use (null: <see cref="Engine.MediaUrl.DefaultProtocols"/>).</param>
public sealed class EventSources(ChannelContext channel, Func<string, string> resolve, string filler, Func<int, Producer>? cardInput = null,
    IReadOnlyList<string>? protocols = null)
    : IEventSources
{
    public Producer Primary(PrimaryEvent e, TimeSpan offset) => Open(e.DisplayName, () => e.Kind switch
    {
        PrimaryKind.Clip => new ClipProducer(channel, Media(e.Source!), new ClipOptions(In: offset, Out: e.Out, Loop: e.Loop, Protocols: protocols)),
        PrimaryKind.Live => Live(e.Source!),
        PrimaryKind.Still => Still(e.Source!),
        _ => Fill(e.Source ?? filler),
    });

    public Producer Filler() => Open($"filler {filler}", () => Fill(filler));

    public Producer Graphic(string source) => Open(source, () => new StillProducer(source, null, ImageFiles.Overlay(channel, Media(source), 0, 0)));

    private Producer Live(string source)
    {
        if (source.StartsWith("card:", StringComparison.OrdinalIgnoreCase) && int.TryParse(source.AsSpan(5), out int input))
            return cardInput?.Invoke(input) ?? throw new InvalidOperationException($"{source}: the channel has no card inputs");
        return new ClipProducer(channel, source, new ClipOptions(Live: true, Protocols: protocols));
    }

    private Producer Fill(string source)
    {
        if (source.Equals("bars", StringComparison.OrdinalIgnoreCase))
            return SyntheticProducers.Bars(channel, BarsStandard.Smpte);
        if (source.StartsWith('#') || !Path.HasExtension(source))
            return SyntheticProducers.Color(channel, source);
        return Still(source);
    }

    private StillProducer Still(string source) => new($"still {source}", ImageFiles.Picture(channel, Media(source)));

    private string Media(string source) => Engine.MediaUrl.IsNetwork(source) ? source : resolve(source);

    /// <summary>Opens a source; whatever goes wrong (missing file, undecodable picture, bad colour) becomes a failed producer naming it.</summary>
    private static Producer Open(string name, Func<Producer> open)
    {
        try
        {
            return open();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return new FailedProducer(name, error.Message);
        }
    }
}
