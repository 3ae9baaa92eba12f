namespace Playout.Engine.Producers.Clips;

/// <summary>How a clip plays.</summary>
/// <param name="In">Where playing starts in the file (null: its start).</param>
/// <param name="Out">Where it stops (null: its end); the frame at <paramref name="Out"/> is not played.</param>
/// <param name="Loop">Start again at the in point after the out point, for ever.</param>
/// <param name="Live">A live network stream (udp://, srt://): no seeking, no length; it plays what arrives.</param>
/// <param name="Options">FFmpeg input options as "key=value:key=value" (e.g. "timeout=2000000"), or null.</param>
/// <param name="Ahead">Frames decoded ahead of air (the pre-roll queue).</param>
/// <param name="Protocols">The network protocols a URL may use (null: <see cref="MediaUrl.DefaultProtocols"/>); a file path opens only as a file.</param>
public sealed record ClipOptions(TimeSpan? In = null, TimeSpan? Out = null, bool Loop = false, bool Live = false,
    string? Options = null, int Ahead = 6, IReadOnlyList<string>? Protocols = null)
{
    public static ClipOptions Default { get; } = new();
}
