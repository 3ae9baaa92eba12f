using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Playout.Automation.Runtime;
using Playout.Engine;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Clocks;
using Playout.Engine.Clocks.Ptp;
using Playout.Engine.Commands;
using Playout.Engine.Consumers;
using Playout.Engine.Devices;
using Playout.Engine.Modules;
using Playout.Engine.Library;
using Playout.Engine.Probes;
using Playout.Engine.Producers;
using Playout.Engine.Producers.Clips;
using Playout.Engine.Producers.Playlists;
using Playout.Media.Formats;

namespace Playout.Server.Hosting;

/// <summary>
/// One configured channel on air: its context, card, clock, consumers and the playlist and graphics the
/// configuration puts on its layers. Disposing takes it off air and gives everything back in order (channel,
/// then the card that still holds frames, then the pools).
/// </summary>
public sealed class ChannelRuntime : IDisposable
{
    /// <summary>How long going on air waits for the playlist's first frame; after that the filler covers until it is decoded.</summary>
    private static readonly TimeSpan PrerollLimit = TimeSpan.FromSeconds(5);

    private readonly IVideoCard? _card;
    private readonly ServiceConfig _service;
    private readonly ModuleRegistry _modules;

    private ChannelRuntime(ServiceConfig service, ChannelConfig config, ModuleRegistry modules, ChannelContext context, IVideoCard? card, Channel channel,
        IReadOnlyList<ConfiguredOutput> outputs, PreviewConsumer? preview, AutomationHost? automation)
    {
        Outputs = outputs;
        _service = service;
        Config = config;
        _modules = modules;
        Context = context;
        _card = card;
        Channel = channel;
        Preview = preview;
        Automation = automation;
    }

    public ChannelContext Context { get; }
    public Channel Channel { get; }

    /// <summary>The configured outputs, in configuration order, each with the consumer the channel has for it now.</summary>
    public IReadOnlyList<ConfiguredOutput> Outputs { get; }

    /// <summary>The channel's configuration (its inputs, graphics and filler, for operators' actions).</summary>
    public ChannelConfig Config { get; }

    /// <summary>A new producer of the channel's filler (an emergency's "filler"), as the channel covers gaps with it.</summary>
    public Producer MakeFiller() => Filler(_service, Config, Context, _modules);

    /// <summary>A new producer of the channel's slate (<see cref="FillerConfig.Slate"/>, else its filler image); null when it has none.</summary>
    /// <exception cref="InvalidDataException">The picture cannot be used.</exception>
    public Producer? MakeSlate() => (Config.Filler.Slate ?? Config.Filler.Image) is { } slate
        ? _modules.CreateProducer("still", new ProducerRequest(Context, _service.MediaPath(slate), ModuleSettings.Empty))
        : null;

    /// <summary>The black, freeze and silence detectors (subscribe for their events); null when the channel's probes are off.</summary>
    public ProgrammeProbes? Probes => ProgrammeProbes.Of(Channel);
    public PreviewConsumer? Preview { get; }

    /// <summary>The channel's schedule automation, when the configuration has one.</summary>
    public AutomationHost? Automation { get; }

    /// <summary>Builds the channel and puts it on air.</summary>
    /// <exception cref="ConfigException">A driver, file or setting the configuration names cannot be used.</exception>
    /// <param name="media">Clip lengths and markers from the media catalogue, for scheduled clips without a duration.</param>
    /// <param name="measuredLoudness">Files' loudness from the media catalogue, for normalising clips.</param>
    /// <param name="markers">Files' radio markers from the media catalogue: a clip stops at its cue-out.</param>
    /// <param name="modules">The producer and consumer types the service registered; outputs, inputs, fillers and graphics are made by them.</param>
    public static ChannelRuntime Start(ServiceConfig service, ChannelConfig config, ILoggerFactory logs, AlarmBoard alarms, ModuleRegistry modules,
        string? driversFolder = null, IDeviceCommands? devices = null, Func<Automation.Schedules.PrimaryEvent, Automation.Schedules.MediaTimes?>? media = null,
        Func<string, MediaLoudness?>? measuredLoudness = null, Func<string, MediaMarkers?>? markers = null)
    {
        var format = VideoFormats.Parse(config.Format);
        var context = new ChannelContext(config.Name, format, config.VideoFrames, config.VideoFrames * 2, logs.CreateLogger($"Playout.{config.Name}"), alarms)
        {
            HoldLastFrame = TimeSpan.FromSeconds(config.Filler.HoldSeconds),
            TalkOver = [.. config.TalkOver.Select(rule => rule.ToSettings())],
        };
        IVideoCard? card = null;
        Channel? channel = null;
        AutomationHost? automation = null;
        try
        {
            card = config.Card is { } cardConfig ? OpenCard(cardConfig, format, driversFolder) : null;
            channel = new Channel(context, Clock(config, format, card, alarms), Filler(service, config, context, modules));
            var outputs = new List<ConfiguredOutput>();
            for (int i = 0; i < config.Outputs.Count; i++)
            {
                int index = i;
                outputs.Add(new ConfiguredOutput($"{config.Name} output {i + 1}", channel,
                    bitrate => Output(service, config, index, context, modules, card, bitrate)));
            }
            channel.AddConsumer(new ProbeConsumer(context, Watchers(config, context, channel)));
            LoadLayers(service, config, context, channel, modules, card);
            channel.Start();
            if (config.Automation is not null)
            {
                var signalling = outputs.Select(o => o.Consumer).OfType<ISpliceOutput>().Where(s => s.CarriesScte35).ToArray();
                automation = AutomationHost.Create(service, config, channel, modules, card, devices ?? ServiceDevices.None,
                    signalling.Length == 0 ? null : new SpliceOutputs(signalling, context.Logger), media, measuredLoudness, markers);
            }
            automation?.Start();
            return new ChannelRuntime(service, config, modules, context, card, channel, outputs, channel.Consumers.OfType<PreviewConsumer>().FirstOrDefault(), automation);
        }
        catch
        {
            // In the order a running channel goes off air: the automation, the channel (its producers and consumers), the card, the pools.
            automation?.Dispose();
            channel?.Dispose();
            card?.Dispose();
            context.Dispose();
            throw;
        }
    }

    /// <summary>What watches the programme: the peak meters, and the black, freeze and silence detectors and the loudness meters as configured.</summary>
    private static List<IProgrammeProbe> Watchers(ChannelConfig config, ChannelContext context, Channel channel)
    {
        // The peak meters are always on: an operator's panel draws them whatever else is measured.
        var probes = new List<IProgrammeProbe> { new AudioMeters() };
        if (config.Probes.ToSettings() is { } detectors)
            probes.Add(new ProgrammeProbes(context, detectors, channel.AirTime));
        if (config.Loudness.ToSettings() is { } loudness)
            probes.Add(new LoudnessProbe(context, loudness));
        return probes;
    }

    public void Dispose()
    {
        Automation?.Dispose();
        Channel.Dispose();
        _card?.Dispose();
        Context.Dispose();
    }

    private static IVideoCard OpenCard(CardConfig config, VideoFormat format, string? driversFolder)
    {
        var driver = DriverCatalog.Find(config.Driver, driversFolder);
        try
        {
            return driver.Open(format, config.Settings);
        }
        catch (ArgumentException error)
        {
            throw new ConfigException($"card driver {config.Driver}: {error.Message}");
        }
    }

    private static IChannelClock Clock(ChannelConfig config, VideoFormat format, IVideoCard? card, AlarmBoard alarms) => config.Clock switch
    {
        ClockKind.Genlock => new GenlockClock(card!.Reference, card.Name, format.FrameRate, alarms, config.Name),
        ClockKind.System => new SystemClock(format.FrameRate, alarms, config.Name),
        ClockKind.Ptp => new PtpClock(format.FrameRate, new LinuxPtp(config.Ptp.Socket, config.Ptp.Domain), config.Ptp.Domain,
            TimeSpan.FromMicroseconds(config.Ptp.LockedWithinMicroseconds), alarms, config.Name),
        _ => new UnthrottledClock(format.FrameRate),
    };

    /// <summary>The configured output <paramref name="index"/>, made by the module that has its type (with <paramref name="videoBitrate"/> when given: a device's bitrate command).</summary>
    /// <exception cref="ConfigException">No module has the output's type, or a setting it needs is missing or wrong.</exception>
    private static IConsumer Output(ServiceConfig service, ChannelConfig config, int index, ChannelContext context, ModuleRegistry modules, IVideoCard? card,
        long? videoBitrate)
    {
        var output = config.Outputs[index];
        var settings = ModuleSettings.FromJson(JsonSerializer.SerializeToElement(output, SettingsJson));
        if (output.Url is { } url)
            settings = settings.With("url", Path(service, url));
        if (output.Sdp is { } sdp)
            settings = settings.With("sdp", service.FilePath(sdp));
        if (output.Folder is { } folder)
            settings = settings.With("folder", service.FilePath(folder));
        if (output.Type == OutputKind.St2110Anc)
            settings = settings.With("timeZone", output.TimeZone ?? service.Station.ZoneName(service));
        if (output.Type == OutputKind.Stream && output.ServiceProvider is null)
            settings = settings.With("serviceProvider", service.Station.Name);
        if (config.Card is { } cardConfig)
            settings = settings.With("output", cardConfig.Output);
        if (videoBitrate is { } bitrate)
            settings = settings.With("videoBitrate", bitrate);
        return Made($"{config.Name}: outputs[{index}]",
            () => modules.CreateConsumer(settings.Require<string>("type"), new ConsumerRequest(context, settings, card)));
    }

    /// <summary>Runs a module's factory, turning an unknown type or a bad setting into a configuration error at <paramref name="where"/>.</summary>
    private static T Made<T>(string where, Func<T> make)
    {
        try
        {
            return make();
        }
        catch (UnknownModuleTypeException error)
        {
            throw new ConfigException($"{where}.type: {error.Message}");
        }
        catch (ModuleSettingException error)
        {
            throw new ConfigException($"{where}.{error.Message}");
        }
    }

    private static Producer Filler(ServiceConfig service, ChannelConfig config, ChannelContext context, ModuleRegistry modules)
    {
        if (config.Filler.Image is { } image)
        {
            try
            {
                return modules.CreateProducer("still", new ProducerRequest(context, service.MediaPath(image), ModuleSettings.Empty));
            }
            catch (InvalidDataException error)
            {
                // A broken slate must not keep the channel off air: black stands in, and the operator is told.
                context.Alarms.Raise($"{config.Name}/filler", AlarmSeverity.Warning, $"slate {image} unusable, filler is black: {error.Message}");
            }
        }
        return modules.CreateProducer("color", new ProducerRequest(context, config.Filler.Color ?? "black", ModuleSettings.Empty));
    }

    private static void LoadLayers(ServiceConfig service, ChannelConfig config, ChannelContext context, Channel channel, ModuleRegistry modules, IVideoCard? card)
    {
        for (int i = 0; i < config.Inputs.Count; i++)
        {
            var input = config.Inputs[i];
            if (input.Type == InputKind.Card && input.Index >= card!.Inputs.Count)
                throw new ConfigException($"{config.Name}: inputs: {card.Name} has {card.Inputs.Count} input(s); there is no input {input.Index}");
            var settings = ModuleSettings.FromJson(JsonSerializer.SerializeToElement(input, SettingsJson)).With("protocols", service.SourceProtocols);
            if (input.AudioSdp is { } audioSdp)
                settings = settings.With("audioSdp", service.FilePath(audioSdp));
            // The source: a stream's url, ST 2110 flows' SDP file, or the card input's number.
            string source = input.Url ?? (input.Sdp is { } sdp ? service.FilePath(sdp) : input.Index.ToString(CultureInfo.InvariantCulture));
            var live = Made($"{config.Name}: inputs[{i}]",
                () => modules.CreateProducer(settings.Require<string>("type"), new ProducerRequest(context, source, settings, card)));
            channel.Execute(StageCommands.Load(input.Layer, live));
        }
        if (config.Playlist is { } playlist)
        {
            var items = playlist.Items.Select(item => new PlaylistItem(service.MediaPath(item.File),
                new ClipOptions(Seconds(item.In), Seconds(item.Out)), Seconds(item.Seconds))).ToArray();
            var producer = new PlaylistProducer(context, "playlist", items, playlist.Loop);
            // Pre-roll before going on air, so the first clip starts with its first frame rather than filler.
            SpinWait.SpinUntil(() => producer.IsReady, PrerollLimit);
            channel.Execute(StageCommands.Load(playlist.Layer, producer));
        }
        foreach (var graphic in config.Graphics)
        {
            try
            {
                var overlay = modules.CreateProducer("graphic", new ProducerRequest(context, service.MediaPath(graphic.Image),
                    ModuleSettings.Empty.With("x", graphic.X).With("y", graphic.Y)));
                channel.Execute(StageCommands.Load(graphic.Layer, overlay));
                channel.Execute(StageCommands.Opacity(graphic.Layer, graphic.Opacity));
            }
            catch (Exception error) when (error is InvalidDataException or InvalidOperationException)
            {
                context.Alarms.Raise($"{config.Name}/layer {graphic.Layer}", AlarmSeverity.Major, $"graphic {graphic.Image} not shown: {error.Message}");
            }
        }
    }

    /// <summary>Configuration records as a module reads them: the names and enum values of the configuration file.</summary>
    private static readonly JsonSerializerOptions SettingsJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private static TimeSpan? Seconds(double? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;

    /// <summary>A stream url as it is; a file output relative to the configuration's folder.</summary>
    private static string Path(ServiceConfig service, string url) =>
        MediaUrl.IsNetwork(url) ? url : System.IO.Path.GetFullPath(System.IO.Path.Combine(service.BaseDirectory, url));
}
