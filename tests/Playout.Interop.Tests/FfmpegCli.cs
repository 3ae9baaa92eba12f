using System.Diagnostics;

namespace Playout.Interop.Tests;

/// <summary>Runs the real ffmpeg command-line tool (from PATH), the reference every test compares against.</summary>
internal static class FfmpegCli
{
    /// <summary>Runs ffmpeg with the given arguments (after -hide_banner -v error -y) and returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">ffmpeg exited with a failure; the message carries its error output.</exception>
    public static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in (string[])["-hide_banner", "-nostdin", "-v", "error", "-y", .. arguments])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start ffmpeg");
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ffmpeg {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
        return output;
    }

    /// <summary>
    /// Writes one frame of FFmpeg's testsrc2 pattern as raw <paramref name="pixelFormat"/> and returns its path.
    /// testsrc2 renders at a comfortable size and is cropped, because it cannot render tiny or odd-height pictures itself.
    /// </summary>
    public static string TestPicture(TempFolder folder, string name, int width, int height, string pixelFormat)
    {
        string path = folder.PathOf(name);
        int renderWidth = Math.Max(64, width + width % 2), renderHeight = Math.Max(64, height + height % 2);
        Run("-f", "lavfi", "-i", $"testsrc2=size={renderWidth}x{renderHeight}:rate=1,format={pixelFormat},crop={width}:{height}:0:0",
            "-frames:v", "1", "-f", "rawvideo", path);
        return path;
    }

    /// <summary>Encodes a raw yuv422p10le file to raw v210 with FFmpeg's v210 encoder.</summary>
    public static string EncodeV210(TempFolder folder, string input, int width, int height)
    {
        string path = folder.PathOf("cli.v210");
        Run("-f", "rawvideo", "-pix_fmt", "yuv422p10le", "-s", $"{width}x{height}", "-i", input, "-c:v", "v210", "-f", "rawvideo", path);
        return path;
    }

    /// <summary>Decodes a raw v210 file to raw yuv422p10le with FFmpeg's v210 decoder (via its v210 demuxer).</summary>
    public static string DecodeV210(TempFolder folder, string input, int width, int height)
    {
        string path = folder.PathOf("cli.yuv");
        Run("-f", "v210", "-s", $"{width}x{height}", "-i", input, "-pix_fmt", "yuv422p10le", "-f", "rawvideo", path);
        return path;
    }
}
