using Playout.Server.Web;
using Playout.TestSupport;

namespace Playout.Server.Tests.Web;

public class HlsFilesTests
{
    [Fact]
    public void Only_playlists_and_segments_inside_the_folder_are_served_and_not_the_muxers_own_playlist()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("hls/720p"));
        File.WriteAllText(folder.File("hls/master.m3u8"), "#EXTM3U");
        File.WriteAllText(folder.File("hls/720p/init.mp4"), "x");
        File.WriteAllText(folder.File("hls/720p/segment0.m4s"), "x");
        File.WriteAllText(folder.File("hls/720p/segment1.ts"), "x");
        File.WriteAllText(folder.File("hls/720p/.ffmpeg.m3u8"), "#EXTM3U");
        File.WriteAllText(folder.File("hls/720p/notes.txt"), "x");
        File.WriteAllText(folder.File("secret.m3u8"), "x");
        string hls = folder.File("hls");
        Assert.Equal((folder.File("hls/master.m3u8"), HlsFiles.Playlist), HlsFiles.Resolve(hls, "master.m3u8"));
        Assert.Equal("video/mp4", HlsFiles.Resolve(hls, "720p/init.mp4").Type);
        Assert.Equal("video/iso.segment", HlsFiles.Resolve(hls, "720p/segment0.m4s").Type);
        Assert.Equal("video/mp2t", HlsFiles.Resolve(hls, "720p/segment1.ts").Type);
        Assert.Equal((null, null), HlsFiles.Resolve(hls, "720p/.ffmpeg.m3u8"));
        Assert.Equal((null, null), HlsFiles.Resolve(hls, "720p/notes.txt"));
        Assert.Equal((null, null), HlsFiles.Resolve(hls, "../secret.m3u8"));
        Assert.Equal((null, null), HlsFiles.Resolve(hls, folder.File("secret.m3u8")));
        Assert.Equal((null, null), HlsFiles.Resolve(hls, "720p/segment9.m4s"));
        Assert.Equal((null, null), HlsFiles.Resolve(hls, "720p/seg\0ment0.m4s"));
    }
}
