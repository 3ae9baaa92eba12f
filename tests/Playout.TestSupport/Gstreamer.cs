namespace Playout.TestSupport;

/// <summary>GStreamer's command line (Debian's gst-launch-1.0 with the base and good plugins) as a second RTP receiver.</summary>
public static class Gstreamer
{
    /// <summary>
    /// Arguments that have gst-launch-1.0 take <paramref name="packets"/> RTP packets on a loopback port as <paramref name="caps"/>
    /// (what an SDP says, as GStreamer's caps: it has no SDP file source), depayload them and hand the result to
    /// <paramref name="sink"/>'s elements; it ends after that many packets. The socket asks for 4 MiB, as FFmpeg's does.
    /// </summary>
    public static string[] RtpReceiverArguments(int port, string caps, int packets, string depayloader, params string[] sink) =>
        ["-q", "udpsrc", "address=127.0.0.1", $"port={port}", "buffer-size=4194304", $"num-buffers={packets}", $"caps={caps}", "!",
            depayloader, "!", .. sink];
}
