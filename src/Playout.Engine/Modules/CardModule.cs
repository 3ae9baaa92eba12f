using Playout.Engine.Consumers;
using Playout.Engine.Devices;
using Playout.Engine.Producers;

namespace Playout.Engine.Modules;

/// <summary>
/// The channel's card, whichever driver opened it: producer "card" (the source is the capture input's number) and
/// consumer "card" (setting output: the playout output's number, default 0).
/// </summary>
public sealed class CardModule : IModule
{
    public string Name => "card";

    public void Register(ModuleRegistry registry)
    {
        registry.AddProducer("card", r => new CardInputProducer(r.Channel, Card(r.Card, $"card input {r.Source}"), Input(r.Source)));
        registry.AddConsumer("card", r => new CardConsumer(Card(r.Card, "card output"), r.Settings.Get("output", 0)));
    }

    private static IVideoCard Card(IVideoCard? card, string what) =>
        card ?? throw new InvalidOperationException($"{what}: the channel has no card");

    private static int Input(string source) =>
        int.TryParse(source, out int input) && input >= 0 ? input : throw new ModuleSettingException("source", $"'{source}' is not a card input's number");
}
