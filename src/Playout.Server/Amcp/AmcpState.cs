using Playout.Engine.Channels;
using Playout.Media.Formats;

namespace Playout.Server.Amcp;

/// <summary>
/// A channel's state in CasparCG's scheme, the one source of INFO's XML and of OSC: 2.3's paths (<c>framerate</c>,
/// <c>mixer/audio/volume</c>, <c>stage/layer/L/foreground/…</c> and <c>background/…</c>), and for OSC also 2.1's
/// (<c>stage/layer/L/file/time</c>, <c>file/frame</c>, <c>paused</c>, <c>mixer/audio/N/dBFS</c>).
/// </summary>
public static class AmcpState
{
    /// <summary>The entries of a channel, sorted by path as CasparCG's state map is.</summary>
    /// <param name="peaks">Each programme audio channel's sample peak of the last frame, 0..1.</param>
    /// <param name="clipName">The clip name of a file (its path under the media roots without extension), or null.</param>
    public static IReadOnlyList<AmcpStateEntry> Of(VideoFormat format, IReadOnlyList<LayerStatus> layers, IReadOnlyList<float> peaks, Func<string, string?> clipName)
    {
        var entries = new List<AmcpStateEntry>
        {
            new("framerate", [(int)format.FrameRate.Numerator, (int)format.FrameRate.Denominator]),
            new("mixer/audio/volume", [.. peaks.Select(Int32Level).Cast<object>()]),
            new("mixer/audio/nb_channels", [peaks.Count], Legacy: true),
        };
        for (int i = 0; i < peaks.Count; i++)
        {
            entries.Add(new($"mixer/audio/{i + 1}/pFS", [peaks[i]], Legacy: true));
            entries.Add(new($"mixer/audio/{i + 1}/dBFS", [(float)(20 * Math.Log10(Math.Max(peaks[i], MinimumPeak)))], Legacy: true));
        }
        double fps = format.FrameRate.ToDouble();
        foreach (var layer in layers)
            AddLayer(entries, $"stage/layer/{layer.Number}", layer, fps, clipName);
        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return entries;
    }

    /// <summary>CasparCG's floor for a silent channel's dBFS (half a step of 32-bit audio, about −192 dBFS) rather than minus infinity.</summary>
    private const float MinimumPeak = 0.5f / int.MaxValue;

    /// <summary>A 0..1 peak as CasparCG's audio mixer reports it: the absolute 32-bit sample.</summary>
    private static int Int32Level(float peak) => (int)Math.Clamp(Math.Round(peak * (double)int.MaxValue), 0, int.MaxValue);

    private static void AddLayer(List<AmcpStateEntry> entries, string at, LayerStatus layer, double fps, Func<string, string?> clipName)
    {
        entries.Add(new($"{at}/foreground/producer", [ProducerName(layer.Foreground, layer.Source)]));
        entries.Add(new($"{at}/background/producer", [ProducerName(layer.Background, layer.BackgroundSource)]));
        if (layer.Foreground is not null)
            entries.Add(new($"{at}/foreground/paused", [layer.Paused]));
        if (layer.BackgroundSource is { } pending)
        {
            entries.Add(new($"{at}/background/file/name", [clipName(pending) ?? Path.GetFileName(pending)]));
            entries.Add(new($"{at}/background/file/path", [pending]));
        }
        if (layer.Source is not { } source)
            return;
        long length = layer.Length ?? 0;
        long frame = length > 0 && layer.Loops ? (layer.Position == 0 ? 0 : (layer.Position - 1) % length + 1) : layer.Position;
        float elapsed = (float)(frame / fps), total = (float)(length / fps);
        string relative = clipName(source) is { } name ? name + Path.GetExtension(source) : Path.GetFileName(source);
        entries.Add(new($"{at}/foreground/file/name", [clipName(source) ?? Path.GetFileName(source)]));
        entries.Add(new($"{at}/foreground/file/path", [source]));
        entries.Add(new($"{at}/foreground/file/time", [elapsed, total]));
        entries.Add(new($"{at}/foreground/loop", [layer.Loops]));
        entries.Add(new($"{at}/file/time", [elapsed, total], Legacy: true));
        entries.Add(new($"{at}/file/frame", [(int)frame, (int)length], Legacy: true));
        entries.Add(new($"{at}/file/fps", [(float)fps], Legacy: true));
        entries.Add(new($"{at}/file/path", [relative], Legacy: true));
        entries.Add(new($"{at}/loop", [layer.Loops], Legacy: true));
        entries.Add(new($"{at}/paused", [layer.Paused], Legacy: true));
    }

    /// <summary>CasparCG's producer names: "ffmpeg" for a file or stream, "empty" for nothing; ours for the rest (colours, stills, graphics).</summary>
    private static string ProducerName(string? producer, string? source) => source is not null ? "ffmpeg" : producer ?? "empty";
}
