using Playout.Engine.Consumers;
using Playout.Engine.Producers;
using Playout.Engine.Producers.Clips;

namespace Playout.Engine.Modules;

/// <summary>
/// Everything that plays or writes through FFmpeg. Producers: "clip" (a file; settings in, out, loop, protocols, gain: linear, on its sound), "stream"
/// (a live network input; options, protocols, holdLast in seconds, backup: a second stream's url), "still" (a picture file fitted to the raster), "graphic" (a picture with alpha
/// at x, y). Consumers: "stream" (an encoded stream or file: url, container, video, audio, options, videoBitrate,
/// audioBitrate, audioChannels, scte35, scte35Pid) and "preview" (JPEG thumbnails: width, height, perSecond).
/// </summary>
public sealed class FfmpegModule : IModule
{
    public string Name => "ffmpeg";

    public void Register(ModuleRegistry registry)
    {
        registry.AddProducer("clip", r => new ClipProducer(r.Channel, r.Source, new ClipOptions(
            In: r.Settings.Get<TimeSpan?>("in", null), Out: r.Settings.Get<TimeSpan?>("out", null), Loop: r.Settings.Get("loop", false),
            Protocols: Protocols(r.Settings))
        {
            Gain = r.Settings.Get("gain", 1.0),
        }));
        registry.AddProducer("stream", r => new ClipProducer(r.Channel, r.Source,
            new ClipOptions(Live: true, Options: r.Settings.Get<string?>("options", null), Protocols: Protocols(r.Settings))
            {
                HoldLast = TimeSpan.FromSeconds(r.Settings.Get("holdLast", ClipOptions.DefaultHoldLast.TotalSeconds)),
                Backup = r.Settings.Get<string?>("backup", null),
            }));
        registry.AddProducer("still", r => new StillProducer($"still {r.Source}", ImageFiles.Picture(r.Channel, r.Source)));
        registry.AddProducer("graphic", r => new StillProducer(Path.GetFileName(r.Source), null,
            ImageFiles.Overlay(r.Channel, r.Source, r.Settings.Get("x", 0), r.Settings.Get("y", 0))));
        registry.AddConsumer("stream", r => new StreamConsumer(r.Channel, Stream(r.Settings)));
        registry.AddConsumer("preview", r => new PreviewConsumer(r.Channel,
            r.Settings.Require<int>("width"), r.Settings.Require<int>("height"), r.Settings.Require<double>("perSecond")));
    }

    /// <summary>The network protocols a source may use ("protocols"; null: <see cref="MediaUrl.DefaultProtocols"/>).</summary>
    private static IReadOnlyList<string>? Protocols(ModuleSettings settings) => settings.Get<IReadOnlyList<string>?>("protocols", null);

    private static StreamSettings Stream(ModuleSettings settings)
    {
        var defaults = new StreamSettings(settings.Require<string>("url"));
        return defaults with
        {
            Container = settings.Get("container", defaults.Container),
            VideoCodec = settings.Get("video", defaults.VideoCodec),
            AudioCodec = settings.Get("audio", defaults.AudioCodec),
            Options = settings.Get("options", defaults.Options),
            VideoBitrate = settings.Get("videoBitrate", defaults.VideoBitrate),
            AudioBitrate = settings.Get("audioBitrate", defaults.AudioBitrate),
            AudioChannels = settings.Get("audioChannels", defaults.AudioChannels),
            Scte35 = settings.Get("scte35", defaults.Scte35),
            Scte35Pid = settings.Get("scte35Pid", defaults.Scte35Pid),
        };
    }
}
