using Playout.Engine.Producers.Clips;

namespace Playout.Engine.Producers.Playlists;

/// <summary>One clip of a playlist.</summary>
/// <param name="Planned">How long the item is planned to run: when the file cannot be played the filler stands in for this long, so the next item starts on time.</param>
public sealed record PlaylistItem(string Url, ClipOptions Options, TimeSpan? Planned = null);
