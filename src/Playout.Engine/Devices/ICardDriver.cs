using Playout.Media.Formats;

namespace Playout.Engine.Devices;

/// <summary>
/// A card driver module. The service finds drivers by <see cref="Name"/> in the assemblies of its drivers
/// folder, so the engine never references a driver (nor hw-sim) directly.
/// </summary>
public interface ICardDriver
{
    /// <summary>The name configurations use, e.g. "hw-sim".</summary>
    string Name { get; }

    /// <summary>Opens a card running <paramref name="format"/>.</summary>
    /// <param name="settings">Driver-specific settings from the channel's configuration (device index, jitter, ...).</param>
    /// <exception cref="ArgumentException">A setting is unknown or invalid; the message names it.</exception>
    IVideoCard Open(VideoFormat format, IReadOnlyDictionary<string, string> settings);
}
