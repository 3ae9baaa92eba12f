using Playout.TestSupport;

namespace Playout.Engine.Tests;

/// <summary>
/// Clips made by the ffmpeg command line for the engine's tests, losslessly coded (FFV1 + PCM in Matroska) so the
/// values the tests read back are exactly those written: each frame's luma is its index plus an offset, so a
/// picture on the card tells which frame of which clip it is.
/// </summary>
internal static class TestMedia
{
    /// <summary>
    /// <paramref name="frames"/> frames of 8-bit luma <paramref name="lumaBase"/> + n (n = frame index) at 25 fps with
    /// silent stereo sound; returns the path. 8-bit luma L reads back as 10-bit 4L (plus L/64 of bit replication).
    /// </summary>
    public static string IndexedClip(TempDirectory folder, string name, int frames, int lumaBase, string size = "720x576", int rate = 25)
    {
        string path = folder.File(name);
        Ffmpeg.Run("-f", "lavfi", "-i", $"color=c=black:s={size}:r={rate}:d={frames / (double)rate},format=yuv422p,geq=lum='{lumaBase}+N':cb=128:cr=128",
            "-f", "lavfi", "-i", $"anullsrc=r=48000:cl=stereo", "-frames:v", frames.ToString(), "-shortest",
            "-c:v", "ffv1", "-c:a", "pcm_s16le", "-f", "matroska", path);
        return path;
    }

    /// <summary>
    /// 50 frames of black at 25 fps with a white flash on <paramref name="flashes"/>, and a 1 kHz tone burst of one
    /// frame's length (40 ms) at the same times, silence elsewhere.
    /// </summary>
    public static string FlashAndBeep(TempDirectory folder, string name, params int[] flashes)
    {
        string path = folder.File(name);
        string video = string.Join("+", flashes.Select(f => $"eq(N,{f})"));
        string audio = string.Join("+", flashes.Select(f => $"between(t,{f * 0.04:0.00},{f * 0.04 + 0.0399:0.0000})"));
        Ffmpeg.Run("-f", "lavfi", "-i", $"color=c=black:s=720x576:r=25:d=2,format=yuv422p,geq=lum='16+219*({video})':cb=128:cr=128",
            "-f", "lavfi", "-i", $"aevalsrc='0.5*sin(2*PI*1000*t)*({audio})':s=48000:d=2",
            "-c:v", "ffv1", "-c:a", "pcm_s16le", "-f", "matroska", path);
        return path;
    }

    /// <summary>The frame index and clip a 10-bit luma sample of <see cref="IndexedClip"/> stands for.</summary>
    public static int LumaToValue(int luma10) => luma10 / 4;
}
