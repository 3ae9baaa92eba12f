namespace Playout.Server.Hosting;

/// <summary>The media library: the media folder and any <see cref="Folders"/> are scanned into a catalogue (docs/MEDIA-LIBRARY.md).</summary>
public sealed record MediaLibraryConfig
{
    /// <summary>Folders scanned besides the media folder (relative to the configuration file).</summary>
    public IReadOnlyList<string> Folders { get; init; } = [];

    /// <summary>The catalogue's database; default: media.db in the state folder.</summary>
    public string? Database { get; init; }
}
