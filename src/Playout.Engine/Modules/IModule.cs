namespace Playout.Engine.Modules;

/// <summary>
/// A set of producers and consumers that come together (FFmpeg's files and streams, synthetic sources, a card),
/// registered by the host at start-up. The engine's core (channel, stage, mixer) never names a module.
/// </summary>
public interface IModule
{
    /// <summary>The module's name, e.g. "ffmpeg"; named in errors when two modules claim one type.</summary>
    string Name { get; }

    /// <summary>Adds the module's producer and consumer types.</summary>
    void Register(ModuleRegistry registry);
}
