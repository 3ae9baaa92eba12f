using System.Net;
using System.Net.Sockets;
using Playout.TestSupport;

namespace Playout.Interop.Tests;

/// <summary>The shim opens only the protocols its caller allows, and only local files when it names none.</summary>
public sealed class FfmpegSourceProtocolTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Clip()
    {
        string path = _folder.File("clip.mp4");
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25:duration=1", "-c:v", "libx264", "-pix_fmt", "yuv420p", path);
        return path;
    }

    [Fact]
    public void A_network_protocol_is_refused_without_a_whitelist_and_nothing_connects()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var error = Assert.Throws<PlayoutAvException>(() => new FfmpegSource($"tcp://127.0.0.1:{port}"));

        Assert.Contains($"tcp://127.0.0.1:{port}", error.Message);
        Assert.False(listener.Pending(), "FFmpeg connected to a protocol nobody allowed");
    }

    [Fact]
    public void A_file_url_is_refused_when_only_network_protocols_are_allowed_and_opens_as_a_file_otherwise()
    {
        string clip = Clip();

        Assert.Throws<PlayoutAvException>(() => new FfmpegSource("file:" + clip, "protocol_whitelist=udp,rtp,srt"));
        using var opened = new FfmpegSource(clip);
        Assert.True(opened.Info.HasVideo);
    }

    [Fact]
    public void A_playlist_file_cannot_reach_on_to_a_network_protocol()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        string playlist = _folder.Write("list.m3u8", System.Text.Encoding.UTF8.GetBytes(
            $"#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.0,\nhttp://127.0.0.1:{port}/segment.ts\n#EXT-X-ENDLIST\n"));

        Assert.ThrowsAny<Exception>(() =>
        {
            using var source = new FfmpegSource(playlist);
        });
        Assert.False(listener.Pending(), "the playlist reached http://");
    }
}
