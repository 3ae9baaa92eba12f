using System.Globalization;

namespace Playout.TestSupport;

/// <summary>What FFmpeg's own tools read out of a transport stream file: its video PTS and its SCTE-35 sections.</summary>
public static class TsProbe
{
    /// <summary>The video packets' PTS (90 kHz) in presentation order: entry n is the file's n-th frame.</summary>
    public static ulong[] VideoPts(string file) =>
        ExternalTool.Run("ffprobe", ["-v", "error", "-select_streams", "v", "-show_entries", "packet=pts", "-of", "csv=p=0", file])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => ulong.Parse(l.TrimEnd(','), CultureInfo.InvariantCulture)).Order().ToArray();

    /// <summary>
    /// The file's decoded video frames in presentation order: each one's PTS as written (90 kHz, no start offset taken off)
    /// and its average luma (8-bit), which tells which programme frame it is when the test gave frames distinct content.
    /// </summary>
    public static (ulong Pts, double Luma)[] VideoFrames(string file) =>
        ExternalTool.Run("ffprobe", ["-v", "error", "-f", "lavfi", $"movie='{file}',signalstats",
                "-show_entries", "frame=pts:frame_tags=lavfi.signalstats.YAVG", "-of", "csv=p=0"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(','))
            .Select(f => (ulong.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture)))
            .OrderBy(f => f.Item1).ToArray();

    /// <summary>The sections of the file's data stream (SCTE-35) as FFmpeg's demuxer hands them out, one array per section.</summary>
    public static IReadOnlyList<byte[]> DataSections(string file)
    {
        var raw = ExternalTool.Execute("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-i", file, "-map", "0:d", "-c", "copy", "-f", "data", "-"]);
        if (raw.ExitCode != 0)
            throw new InvalidOperationException($"ffmpeg could not extract the data stream of {file}: {raw.Error}");
        var sections = new List<byte[]>();
        for (int at = 0; at + 3 <= raw.Output.Length;)
        {
            int size = 3 + (((raw.Output[at + 1] & 0x0F) << 8) | raw.Output[at + 2]);
            sections.Add(raw.Output[at..Math.Min(at + size, raw.Output.Length)]);
            at += size;
        }
        return sections;
    }
}
