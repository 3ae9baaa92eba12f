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
    public void A_protocol_wrapped_around_a_file_is_refused_without_a_whitelist()
    {
        string clip = Clip();

        var error = Assert.Throws<PlayoutAvException>(() => new FfmpegSource($"concat:{clip}|{clip}"));

        Assert.Contains("concat:", error.Message);
        using var allowed = new FfmpegSource($"concat:{clip}|{clip}", "protocol_whitelist=concat,file");
        Assert.True(allowed.Info.HasVideo);
    }
}
