using Playout.Engine.Producers;

namespace Playout.Engine.Modules;

/// <summary>Producers that need no media: "color" (the source is a colour: a name or #rrggbb) and "bars" (setting standard: Smpte or Ebu).</summary>
public sealed class SyntheticModule : IModule
{
    public string Name => "synthetic";

    public void Register(ModuleRegistry registry)
    {
        registry.AddProducer("color", r => SyntheticProducers.Color(r.Channel, r.Source));
        registry.AddProducer("bars", r => SyntheticProducers.Bars(r.Channel, r.Settings.Get("standard", BarsStandard.Smpte)));
    }
}
