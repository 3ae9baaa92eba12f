using System.Text.Json;
using Playout.Engine.Consumers;
using Playout.Engine.Modules;
using Playout.Engine.Producers;

namespace Playout.Engine.Tests;

public class ModuleRegistryTests
{
    private static ModuleRegistry Standard() => new(StandardModules.All);

    [Fact]
    public void The_standard_modules_register_their_types()
    {
        var registry = Standard();

        Assert.Equal(["bars", "card", "clip", "color", "graphic", "st2110", "still", "stream"], registry.ProducerTypes);
        Assert.Equal(["card", "hls", "icecast", "preview", "st2110", "st2110-anc", "st2110-audio", "stream"], registry.ConsumerTypes);
        Assert.Equal(["hls", "icecast", "st2110-audio", "stream"], registry.SoundConsumerTypes);
    }

    [Theory]
    [InlineData("card")]
    [InlineData("preview")]
    [InlineData("st2110")]
    [InlineData("st2110-anc")]
    public void A_radio_channel_refuses_an_output_of_pictures_by_its_type_and_names_those_it_takes(string type)
    {
        using var test = new TestChannel("radio");

        var error = Assert.Throws<ModuleSettingException>(() => Standard().CreateConsumer(type, new ConsumerRequest(test.Context, ModuleSettings.Empty)));

        Assert.Equal("type", error.Key);
        Assert.Equal($"type: a {type} output needs pictures and a radio channel has none; it takes hls, icecast, st2110-audio, stream", error.Message);
    }

    [Fact]
    public void A_radio_channel_s_stream_output_is_sound_only_and_refuses_a_video_codec()
    {
        using var test = new TestChannel("radio");
        var registry = Standard();

        var error = Assert.Throws<ModuleSettingException>(() => registry.CreateConsumer("stream",
            new ConsumerRequest(test.Context, ModuleSettings.Empty.With("url", "udp://127.0.0.1:9").With("video", "libx264"))));
        using var stream = (StreamConsumer)registry.CreateConsumer("stream", new ConsumerRequest(test.Context, ModuleSettings.Empty.With("url", "udp://127.0.0.1:9")));

        Assert.Equal("video", error.Key);
        Assert.Null(stream.Settings.VideoCodec);
    }

    [Theory]
    [InlineData("color")]
    [InlineData("COLOR")]
    public void A_type_is_looked_up_by_name_in_any_case_and_makes_its_producer(string type)
    {
        using var test = new TestChannel();
        using var producer = Standard().CreateProducer(type, new ProducerRequest(test.Context, "#ff0000", ModuleSettings.Empty));

        Assert.Equal("colour #ff0000", producer.Name);
    }

    [Fact]
    public void An_unknown_type_names_itself_and_the_known_types()
    {
        using var test = new TestChannel();
        var registry = Standard();

        var producer = Assert.Throws<UnknownModuleTypeException>(() =>
            registry.CreateProducer("ndi", new ProducerRequest(test.Context, "source", ModuleSettings.Empty)));
        var consumer = Assert.Throws<UnknownModuleTypeException>(() =>
            registry.CreateConsumer("sdi", new ConsumerRequest(test.Context, ModuleSettings.Empty)));

        Assert.Equal("no producer type 'ndi'; known: bars, card, clip, color, graphic, st2110, still, stream", producer.Message);
        Assert.Equal("no consumer type 'sdi'; known: card, hls, icecast, preview, st2110, st2110-anc, st2110-audio, stream", consumer.Message);
        Assert.Equal("no consumer type 'x'; known: none", Assert.Throws<UnknownModuleTypeException>(() =>
            new ModuleRegistry().CreateConsumer("x", new ConsumerRequest(test.Context, ModuleSettings.Empty))).Message);
    }

    [Fact]
    public void Two_modules_cannot_claim_one_type()
    {
        var registry = new ModuleRegistry(new SyntheticModule());

        var error = Assert.Throws<InvalidOperationException>(() => registry.Add(new Claiming("extra colours", "Color")));

        Assert.Equal("extra colours: producer type 'Color' is already registered by synthetic", error.Message);
        Assert.False(registry.HasProducer("nothing"));
        Assert.True(registry.HasProducer("color"));
    }

    [Fact]
    public void A_consumer_is_made_from_a_configurations_json_settings()
    {
        using var test = new TestChannel();
        var settings = ModuleSettings.FromJson(JsonDocument.Parse("""{ "type": "preview", "width": 320, "height": 180, "perSecond": 2.5 }""").RootElement);

        using var preview = Assert.IsType<PreviewConsumer>(Standard().CreateConsumer("preview", new ConsumerRequest(test.Context, settings)));

        Assert.Equal((320, 180), (preview.Width, preview.Height));
    }

    [Fact]
    public void A_missing_or_mistyped_setting_names_its_key()
    {
        using var test = new TestChannel();
        var registry = Standard();
        var wrong = ModuleSettings.FromJson(JsonDocument.Parse("""{ "width": "wide", "height": 180, "perSecond": 1 }""").RootElement);

        var mistyped = Assert.Throws<ModuleSettingException>(() => registry.CreateConsumer("preview", new ConsumerRequest(test.Context, wrong)));
        var missing = Assert.Throws<ModuleSettingException>(() => registry.CreateConsumer("stream", new ConsumerRequest(test.Context, ModuleSettings.Empty)));

        Assert.Equal("width", mistyped.Key);
        Assert.Equal("width: 'wide' is not a whole number", mistyped.Message);
        Assert.Equal("url: a text is needed", missing.Message);
    }

    [Fact]
    public void Settings_given_as_values_are_read_as_they_are_or_converted()
    {
        var settings = ModuleSettings.Empty.With("out", TimeSpan.FromSeconds(3)).With("x", 12L).With("loop", true);

        Assert.Equal(TimeSpan.FromSeconds(3), settings.Get<TimeSpan?>("out", null));
        Assert.Equal(12, settings.Get("X", 0));
        Assert.True(settings.Get("loop", false));
        Assert.Equal(7, settings.Get("y", 7));
        Assert.Equal(BarsStandard.Ebu, ModuleSettings.Empty.With("standard", BarsStandard.Ebu).Get("standard", BarsStandard.Smpte));
    }

    /// <summary>A module that claims one producer type.</summary>
    private sealed class Claiming(string name, string type) : IModule
    {
        public string Name => name;

        public void Register(ModuleRegistry registry) => registry.AddProducer(type, r => SyntheticProducers.Color(r.Channel, "black"));
    }
}
