using System.Diagnostics;

namespace Playout.TestSupport;

/// <summary>
/// ffmpeg as the real peer of a live input: sends, in real time, a 576i25 MPEG-2 + MP2 transport stream over UDP whose
/// luma steps every frame (so each new picture on air is told from a repeated one) with a key frame every 5 frames.
/// </summary>
public static class LiveSender
{
    /// <summary>Starts sending <paramref name="seconds"/> of the stream to 127.0.0.1:<paramref name="port"/>.</summary>
    /// <param name="video">The video encoder: "mpeg2video", or "libx264" (ultrafast).</param>
    /// <param name="luma">The 8-bit luma of frame N, as an expression of ffmpeg's geq filter.</param>
    public static Process Start(int port, int seconds, string video = "mpeg2video", string luma = "30+mod(N*2,200)")
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-v", "error", "-re",
            "-f", "lavfi", "-i", $"color=c=black:s=720x576:r=25:d={seconds},format=yuv420p,geq=lum='{luma}':cb=128:cr=128",
            "-f", "lavfi", "-i", $"sine=frequency=1000:sample_rate=48000:duration={seconds}",
            "-c:v", video, "-preset", "ultrafast", "-g", "5", "-q:v", "2", "-c:a", "mp2", "-f", "mpegts", $"udp://127.0.0.1:{port}?pkt_size=1316"])
            start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start ffmpeg");
    }
}
