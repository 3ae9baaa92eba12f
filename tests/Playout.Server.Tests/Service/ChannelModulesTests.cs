using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Modules;
using Playout.Engine.Probes;
using Playout.Server.Hosting;

namespace Playout.Server.Tests.Service;

/// <summary>The service makes a channel's outputs and filler through the registered modules, and names what it cannot make.</summary>
public class ChannelModulesTests
{
    private static readonly ChannelConfig Channel = new()
    {
        Name = "test channel",
        Format = "720p50",
        Clock = ClockKind.Unthrottled,
        Filler = new FillerConfig { Color = "#102030" },
        Outputs = [new OutputConfig { Type = OutputKind.Preview, Width = 320, Height = 180 }],
    };

    [Fact]
    public void Outputs_are_made_by_the_modules_that_registered_their_types()
    {
        var alarms = new AlarmBoard(NullLogger.Instance);
        using var runtime = ChannelRuntime.Start(new ServiceConfig { Channels = [Channel] }, Channel, NullLoggerFactory.Instance, alarms,
            new ModuleRegistry(StandardModules.All));

        // Besides the channel's own probes (black, freeze, silence, loudness), which no output type makes.
        Assert.Same(runtime.Preview, Assert.Single(runtime.Channel.Consumers, c => c is not ProbeConsumer));
        Assert.Equal((320, 180), (runtime.Preview!.Width, runtime.Preview.Height));
    }

    /// <summary>The load check refuses a type by the configuration's names: each of them must be one the service's modules make.</summary>
    [Fact]
    public void Every_input_and_output_type_a_configuration_may_name_is_made_by_the_service_modules()
    {
        var modules = new ModuleRegistry(StandardModules.All);

        Assert.Equal(modules.ConsumerTypes, Names<OutputKind>().Order(StringComparer.Ordinal));
        Assert.All(Names<InputKind>(), type => Assert.True(modules.HasProducer(type), $"no producer type '{type}'"));
    }

    private static IEnumerable<string> Names<T>() where T : struct, Enum =>
        Enum.GetNames<T>().Select(System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName);

    [Fact]
    public void An_output_type_no_module_makes_is_a_configuration_error_naming_the_output_and_the_known_types()
    {
        var alarms = new AlarmBoard(NullLogger.Instance);
        var withoutFfmpeg = new ModuleRegistry(new SyntheticModule(), new CardModule());

        var error = Assert.Throws<ConfigException>(() =>
            ChannelRuntime.Start(new ServiceConfig { Channels = [Channel] }, Channel, NullLoggerFactory.Instance, alarms, withoutFfmpeg));

        Assert.Equal("test channel: outputs[0].type: no consumer type 'preview'; known: card", error.Message);
    }
}
