using System.Collections.Concurrent;
using Playout.TestSupport;

namespace Playout.Interop.Tests;

public class FfmpegLogTests
{
    [Fact]
    public void FFmpegs_complaints_about_a_broken_file_reach_the_routed_log_with_their_level()
    {
        using var folder = new TempDirectory();
        string file = folder.Write("no-moov.mp4", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 7))]);
        var lines = new ConcurrentQueue<(int Level, string Line)>();
        FfmpegLog.Route((level, line) => lines.Enqueue((level, line)));
        try
        {
            var error = Assert.Throws<PlayoutAvException>(() => new FfmpegSource(file));
            Assert.Contains("no-moov.mp4", error.Message);
        }
        finally
        {
            FfmpegLog.Restore();
        }
        var complaint = Assert.Single(lines, l => l.Line.Contains("moov atom not found"));
        Assert.Equal(FfmpegLog.Error, complaint.Level);
        Assert.StartsWith("[mov,mp4", complaint.Line);
    }
}
