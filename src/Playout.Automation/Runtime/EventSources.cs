using Playout.Automation.Schedules;
using Playout.Engine.Channels;
using Playout.Engine.Devices;
using Playout.Engine.Library;
using Playout.Engine.Modules;
using Playout.Engine.Producers;

namespace Playout.Automation.Runtime;

/// <summary>
/// The producers of a channel's events, made by the host's modules: a schedule's clips, live sources, stills,
/// graphics and fills become producer types ("clip", "stream", "card", "still", "graphic", "color", "bars").
/// </summary>
/// <param name="modules">The producer types the host registered.</param>
/// <param name="resolve">Turns a schedule's media name into the path to open (the service's: <see cref="SourceRules.Open"/>), or throws
/// for a name it refuses (the event becomes a failed producer saying why); URLs pass unchanged.</param>
/// <param name="filler">What fills gaps: a colour, "bars", or a picture file.</param>
/// <param name="card">The channel's card, whose inputs "card:N" live sources name.</param>
/// <param name="protocols">The network protocols a clip or stream may use (null: <see cref="Engine.MediaUrl.DefaultProtocols"/>).</param>
/// <param name="loudness">The channel's per-item normalisation (null: off).</param>
/// <param name="measured">A file's measured loudness by its path, as the media library catalogued it (<see cref="Library.MediaLibrary.LoudnessAt"/>).</param>
/// <param name="markers">A file's radio markers by its path (<see cref="Library.MediaLibrary.MarkersAt"/>): a clip without an out point stops at its cue-out.</param>
public sealed class EventSources(ChannelContext channel, ModuleRegistry modules, Func<string, string> resolve, string filler, IVideoCard? card = null,
    IReadOnlyList<string>? protocols = null, LoudnessNormalisation? loudness = null, Func<string, MediaLoudness?>? measured = null,
    Func<string, MediaMarkers?>? markers = null)
    : IEventSources
{
    public Producer Primary(PrimaryEvent e, TimeSpan offset) => Open(e.DisplayName, () => e.Kind switch
    {
        PrimaryKind.Clip => Clip(Media(e.Source!), path => ModuleSettings.Empty.With("in", offset).With("out", e.Out ?? CueOut(path)).With("loop", e.Loop)
            .With("protocols", protocols)),
        PrimaryKind.Live => Live(e.Source!),
        PrimaryKind.Still => Create("still", Media(e.Source!)),
        _ => Fill(e.Source ?? filler),
    });

    public Producer Filler() => Open($"filler {filler}", () => Fill(filler));

    public Producer Graphic(string source) => Open(source, () => Create("graphic", Media(source)));

    /// <summary>A clip, with the gain that normalises its loudness when the channel does and the library measured it.</summary>
    private Producer Clip(string path, Func<string, ModuleSettings> settingsFor)
    {
        var settings = settingsFor(path);
        double gain = loudness is { Enabled: true } && measured is not null && !Engine.MediaUrl.IsNetwork(path) ? loudness.Gain(measured(path)) : 1;
        return Create("clip", path, gain == 1 ? settings : settings.With("gain", gain));
    }

    private TimeSpan? CueOut(string path) => markers is not null && !Engine.MediaUrl.IsNetwork(path) ? markers(path)?.CueOut : null;

    private Producer Live(string source) =>
        source.StartsWith("card:", StringComparison.OrdinalIgnoreCase) ? Create("card", source[5..])
            : Create("stream", source, ModuleSettings.Empty.With("protocols", protocols));

    private Producer Fill(string source)
    {
        if (source.Equals("bars", StringComparison.OrdinalIgnoreCase))
            return Create("bars", source);
        if (source.StartsWith('#') || !Path.HasExtension(source))
            return Create("color", source);
        return Create("still", Media(source));
    }

    private Producer Create(string type, string source, ModuleSettings? settings = null) =>
        modules.CreateProducer(type, new ProducerRequest(channel, source, settings ?? ModuleSettings.Empty, card));

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
