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
    /// <summary>A live input's hold time when none is set: with the stream's own latency, the filler is on air within 0.5 s.</summary>
    public static readonly TimeSpan DefaultHoldLast = TimeSpan.FromMilliseconds(250);

    public static ClipOptions Default { get; } = new();

    /// <summary>How long a live input's last picture stays on air after pictures stop coming, before its loss shows the filler.</summary>
    public TimeSpan HoldLast { get; init; } = DefaultHoldLast;

    /// <summary>A live input's backup: another live stream, decoded alongside, on air in its place while it is lost (null: the filler).</summary>
    public string? Backup { get; init; }

    /// <summary>
    /// Linear gain on the clip's sound, applied as it is decoded (off the tick), on top of the layer's volume: the
    /// automation's per-item loudness normalisation. 1: as recorded.
    /// </summary>
    public double Gain { get; init; } = 1;
}
