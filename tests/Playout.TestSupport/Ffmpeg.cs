namespace Playout.TestSupport;

/// <summary>The ffmpeg command line as a reference implementation: makes test inputs and reference outputs as raw files.</summary>
public static class Ffmpeg
{
    /// <summary>Runs <c>ffmpeg -v error -y</c> with the given arguments and returns its standard output.</summary>
    public static string Run(params string[] arguments) =>
        ExternalTool.Run("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-y", .. arguments]);

    /// <summary>One frame of a lavfi source (e.g. "testsrc2=size=64x4:rate=1") as raw pixels of <paramref name="pixelFormat"/>.</summary>
    public static byte[] Generate(string source, string pixelFormat, string path)
    {
        Run("-f", "lavfi", "-i", source, "-frames:v", "1", "-pix_fmt", pixelFormat, "-f", "rawvideo", path);
        return File.ReadAllBytes(path);
    }

    /// <summary>
    /// One frame of FFmpeg's testsrc2 pattern of any size as raw <paramref name="pixelFormat"/>; returns the path.
    /// testsrc2 cannot render tiny or odd-height pictures, so it renders at least 64x64 and is cropped.
    /// </summary>
    public static string TestPicture(string path, int width, int height, string pixelFormat)
    {
        int renderWidth = Math.Max(64, width + width % 2), renderHeight = Math.Max(64, height + height % 2);
        Run("-f", "lavfi", "-i", $"testsrc2=size={renderWidth}x{renderHeight}:rate=1,format={pixelFormat},crop={width}:{height}:0:0",
            "-frames:v", "1", "-f", "rawvideo", path);
        return path;
    }

    /// <summary>Encodes a raw yuv422p10le picture with one of FFmpeg's raw video encoders ("v210", "bitpacked").</summary>
    public static byte[] EncodeRaw(string inputPath, int width, int height, string codec, string path) =>
        File.ReadAllBytes(EncodeRawFile(inputPath, width, height, codec, path));

    /// <summary>As <see cref="EncodeRaw"/>, returning the output file's path.</summary>
    public static string EncodeRawFile(string inputPath, int width, int height, string codec, string path)
    {
        Run("-f", "rawvideo", "-pix_fmt", "yuv422p10le", "-s", $"{width}x{height}", "-i", inputPath, "-c:v", codec, "-f", "rawvideo", path);
        return path;
    }

    /// <summary>Decodes a raw v210 file with FFmpeg's v210 demuxer and decoder into yuv422p10le.</summary>
    public static byte[] DecodeV210(string inputPath, int width, int height, string path) =>
        DecodePacked("v210", inputPath, width, height, path);

    /// <summary>Decodes a raw packed 10-bit 4:2:2 file with FFmpeg's demuxer and decoder named <paramref name="format"/> ("v210" or "bitpacked") into yuv422p10le.</summary>
    public static byte[] DecodePacked(string format, string inputPath, int width, int height, string path)
    {
        // The bitpacked demuxer's pixel format tells its decoder which packing it reads (10-bit pgroups, not the
        // default yuv420p's); the v210 demuxer must not be given one (it would then expect planar frames).
        string[] pixelFormat = format == "bitpacked" ? ["-pixel_format", "yuv422p10le"] : [];
        Run(["-f", format, .. pixelFormat, "-s", $"{width}x{height}", "-i", inputPath,
            "-pix_fmt", "yuv422p10le", "-f", "rawvideo", path]);
        return File.ReadAllBytes(path);
    }

    /// <summary>
    /// Arguments that have ffmpeg receive an RTP flow from its SDP file (its RFC 4175 receiver for ST 2110-20 video) and write
    /// <paramref name="frames"/> frames as raw yuv422p10le to <paramref name="output"/>. Its socket asks for 4 MiB (the kernel
    /// caps it at net.core.rmem_max), more than a 720p frame's packets, so a receiver that a loaded machine stalls for a few
    /// milliseconds loses none.
    /// </summary>
    public static string[] RtpReceiverArguments(string sdp, int frames, string output) =>
        ["-hide_banner", "-nostdin", "-v", "error", "-y", "-protocol_whitelist", "file,udp,rtp", "-buffer_size", "4194304", "-i", sdp, "-frames:v",
            frames.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "rawvideo", "-pix_fmt", "yuv422p10le", output];

    /// <summary>
    /// Whether any frame of a raw file after its first is <paramref name="frame"/>: a UDP receiver on a loaded machine may
    /// lose packets of some frames (the first may be joined late), so a flow is proven by a whole frame arriving intact.
    /// </summary>
    public static bool AnyFrameAfterTheFirstIs(byte[] received, byte[] frame)
    {
        for (int at = frame.Length; at + frame.Length <= received.Length; at += frame.Length)
            if (received.AsSpan(at, frame.Length).SequenceEqual(frame))
                return true;
        return false;
    }
}
