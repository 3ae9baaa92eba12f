using Playout.Engine.Consumers;
using Playout.TestSupport;

namespace Playout.Engine.Tests;

/// <summary>A playlist players poll is replaced whole: a reader never opens it empty or cut short, and no temporary file stays, refused or not.</summary>
public class HlsFileReplaceTests
{
    [Fact]
    public async Task A_reader_sees_the_old_text_or_the_new_never_a_part()
    {
        using var folder = new TempDirectory();
        string path = folder.File("master.m3u8");
        string[] versions = ["#EXTM3U\n#EXT-X-VERSION:7\n" + string.Concat(Enumerable.Repeat("#EXT-X-STREAM-INF:BANDWIDTH=3000000\n720p/index.m3u8\n", 5000)), "#EXTM3U\n"];
        HlsFileReplace.WriteText(path, versions[0]);
        int reads = 0, parts = 0;
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                string text = File.ReadAllText(path);
                Volatile.Write(ref reads, reads + 1);
                if (text != versions[0] && text != versions[1])
                    parts++;
            }
        });
        // Replaced only while the reader reads: a write in place is then seen empty or cut short thousands of times.
        while (Volatile.Read(ref reads) == 0)
            Thread.Yield();
        for (int n = 1; n <= 2000; n++)
            HlsFileReplace.WriteText(path, versions[n % 2]);
        stop.Cancel();
        await reader;
        Assert.Equal(versions[0], File.ReadAllText(path));
        Assert.True(reads > 100, $"{reads} reads");
        Assert.Equal(0, parts);
        Assert.Equal(["master.m3u8"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_it_cannot_replace_is_refused_and_leaves_nothing_beside_it()
    {
        using var folder = new TempDirectory();
        // In the way: a folder of the playlist's name, as a broken output folder can hold.
        Directory.CreateDirectory(folder.File("index.m3u8"));
        Assert.ThrowsAny<IOException>(() => HlsFileReplace.WriteText(folder.File("index.m3u8"), "#EXTM3U\n"));
        Assert.Empty(Directory.GetFiles(folder.Path));
        Assert.Throws<DirectoryNotFoundException>(() => HlsFileReplace.WriteText(folder.File("gone/index.m3u8"), "#EXTM3U\n"));
    }
}
