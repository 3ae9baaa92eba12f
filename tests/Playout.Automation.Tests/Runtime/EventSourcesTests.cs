using Microsoft.Extensions.Logging.Abstractions;
using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.Engine.Alarms;
using Playout.Engine.Channels;
using Playout.Engine.Modules;
using Playout.Engine.Producers;
using Playout.Media.Formats;
using Playout.TestSupport;

namespace Playout.Automation.Tests.Runtime;

/// <summary>The automation names no producer: each event becomes a request for a producer type, made by whichever module registered it.</summary>
public sealed class EventSourcesTests : IDisposable
{
    private readonly ChannelContext _channel =
        new("channel 1", VideoFormats.Parse("576i50"), 8, 8, NullLogger.Instance, new AlarmBoard(NullLogger.Instance));
    private readonly Recording _module = new();

    public void Dispose() => _channel.Dispose();

    [Fact]
    public void Each_kind_of_event_asks_for_its_producer_type_with_its_source_and_settings()
    {
        var sources = new EventSources(_channel, new ModuleRegistry(_module), name => "/media/" + name, "slate.png");

        Open(sources.Primary(new PrimaryEvent("a", PrimaryKind.Clip, "promo.mxf", Out: TimeSpan.FromSeconds(10), Loop: true), TimeSpan.FromSeconds(2)));
        Open(sources.Primary(new PrimaryEvent("b", PrimaryKind.Live, "card:2"), TimeSpan.Zero));
        Open(sources.Primary(new PrimaryEvent("c", PrimaryKind.Live, "srt://127.0.0.1:9000"), TimeSpan.Zero));
        Open(sources.Primary(new PrimaryEvent("d", PrimaryKind.Filler, "bars"), TimeSpan.Zero));
        Open(sources.Primary(new PrimaryEvent("e", PrimaryKind.Filler, "#ff0000"), TimeSpan.Zero));
        Open(sources.Filler());
        Open(sources.Graphic("logo.png"));

        Assert.Equal(
        [
            "clip /media/promo.mxf in=00:00:02 out=00:00:10 loop=True",
            "card 2", "stream srt://127.0.0.1:9000", "bars bars", "color #ff0000", "still /media/slate.png", "graphic /media/logo.png",
        ], _module.Asked);
    }

    [Fact]
    public void A_clip_without_an_out_point_stops_at_its_cue_out_and_one_with_an_out_point_at_that()
    {
        var markers = new Engine.Library.MediaMarkers(CueIn: TimeSpan.FromSeconds(1), CueOut: TimeSpan.FromSeconds(180));
        var sources = new EventSources(_channel, new ModuleRegistry(_module), name => "/media/" + name, "black",
            markers: path => path == "/media/song.mp3" ? markers : null);

        Open(sources.Primary(new PrimaryEvent("a", PrimaryKind.Clip, "song.mp3"), TimeSpan.FromSeconds(1)));
        Open(sources.Primary(new PrimaryEvent("b", PrimaryKind.Clip, "song.mp3", Out: TimeSpan.FromSeconds(60)), TimeSpan.FromSeconds(1)));
        Open(sources.Primary(new PrimaryEvent("c", PrimaryKind.Clip, "other.mp3"), TimeSpan.Zero));

        Assert.Equal(["clip /media/song.mp3 in=00:00:01 out=00:03:00 loop=False", "clip /media/song.mp3 in=00:00:01 out=00:01:00 loop=False",
            "clip /media/other.mp3 in=00:00:00 out= loop=False"], _module.Asked);
    }

    [Fact]
    public void A_type_no_module_makes_is_a_failed_producer_naming_the_known_types()
    {
        var sources = new EventSources(_channel, new ModuleRegistry(new SyntheticModule()), name => name, "black");

        using var producer = sources.Primary(new PrimaryEvent("a", PrimaryKind.Clip, "promo.mxf"), TimeSpan.Zero);

        Assert.Equal("no producer type 'clip'; known: bars, color", producer.Failure);
    }

    [Fact]
    public void Opened_through_the_source_rules_a_link_out_of_the_roots_fails_and_one_inside_opens_its_real_path()
    {
        using var folder = new TempDirectory();
        string media = Directory.CreateDirectory(folder.File("media")).FullName;
        string outside = Directory.CreateDirectory(folder.File("outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "slate.png"), "");
        File.WriteAllText(Path.Combine(media, "logo-v2.png"), "");
        // Links made after the schedule was checked: what is opened is checked again.
        Directory.CreateSymbolicLink(Path.Combine(media, "escape"), outside);
        File.CreateSymbolicLink(Path.Combine(media, "logo.png"), "logo-v2.png");
        var sources = new EventSources(_channel, new ModuleRegistry(_module), SourceRules.For(media).Open, "escape/slate.png");

        using var clip = sources.Primary(new PrimaryEvent("a", PrimaryKind.Clip, "escape/slate.png"), TimeSpan.Zero);
        using var filler = sources.Filler();
        Open(sources.Graphic("logo.png"));

        Assert.Equal("'escape/slate.png' is outside the media roots", clip.Failure);
        Assert.Equal("'escape/slate.png' is outside the media roots", filler.Failure);
        Assert.Equal([$"graphic {Path.Combine(media, "logo-v2.png")}"], _module.Asked);
    }

    private static void Open(Producer producer)
    {
        Assert.Null(producer.Failure);
        producer.Dispose();
    }

    /// <summary>Registers every type the automation asks for and records each request.</summary>
    private sealed class Recording : IModule
    {
        public List<string> Asked { get; } = [];

        public string Name => "recording";

        public void Register(ModuleRegistry registry)
        {
            foreach (string type in new[] { "clip", "stream", "card", "still", "graphic", "color", "bars" })
                registry.AddProducer(type, request => Record(type, request));
        }

        private Producer Record(string type, ProducerRequest request)
        {
            string settings = type == "clip"
                ? $" in={request.Settings.Get<TimeSpan?>("in", null)} out={request.Settings.Get<TimeSpan?>("out", null)} loop={request.Settings.Get("loop", false)}"
                : "";
            Asked.Add($"{type} {request.Source}{settings}");
            return SyntheticProducers.Color(request.Channel, "black");
        }
    }
}
