using Playout.TestSupport;

namespace Playout.Interop.Tests;

/// <summary>
/// 8-bit 4:2:0 files (nearly every H.264 file) decode to 10-bit 4:2:2 without swscale: luma scaled by 4, chroma
/// interpolated where H.264 sites it, an interlaced picture field by field. The reference is the file's own 4:2:0
/// samples as the ffmpeg command line decodes them (lossless H.264, so they are the samples that were encoded).
/// </summary>
public sealed class FfmpegSource420Tests : IDisposable
{
    private const int Width = 64, Height = 48;
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void An_interlaced_pictures_fields_keep_their_own_colour()
    {
        // Each field one colour: chroma lines alternate fields in an interlaced 4:2:0 picture.
        string clip = Clip("fields.mp4", "cb='if(mod(Y,2),200,60)':cr='if(mod(Y,2),90,170)'", interlaced: true);

        var (picture, _) = FirstPicture(clip);

        using (picture)
        {
            for (int line = 0; line < Height; line++)
            {
                bool bottom = line % 2 == 1;
                Assert.All(picture.Samples(1).Slice(line * picture.Stride(1) / 2, Width / 2).ToArray(), cb => Assert.Equal(bottom ? 800 : 240, cb));
                Assert.All(picture.Samples(2).Slice(line * picture.Stride(2) / 2, Width / 2).ToArray(), cr => Assert.Equal(bottom ? 360 : 680, cr));
            }
        }
    }

    [Fact]
    public void A_progressive_picture_is_its_samples_times_four_with_chroma_between_lines()
    {
        string clip = Clip("progressive.mp4", "cb='mod(X*7+Y*13,256)':cr='mod(X*3+Y*29,256)'", interlaced: false);
        byte[] raw = File.ReadAllBytes(RawFile(clip));

        var (picture, _) = FirstPicture(clip);

        using (picture)
        {
            int chromaWidth = Width / 2, chromaLines = Height / 2;
            for (int line = 0; line < Height; line++)
            {
                for (int x = 0; x < Width; x++)
                    Assert.Equal(raw[line * Width + x] * 4, picture.Samples(0)[line * picture.Stride(0) / 2 + x]);
                int near = line / 2, far = line % 2 == 1 ? Math.Min(near + 1, chromaLines - 1) : Math.Max(near - 1, 0);
                for (int plane = 1; plane <= 2; plane++)
                {
                    int start = Width * Height + (plane - 1) * chromaWidth * chromaLines;
                    for (int x = 0; x < chromaWidth; x++)
                        Assert.Equal(3 * raw[start + near * chromaWidth + x] + raw[start + far * chromaWidth + x],
                            picture.Samples(plane)[line * picture.Stride(plane) / 2 + x]);
                }
            }
        }
    }

    /// <summary>A lossless H.264 4:2:0 clip of a few frames, luma a ramp, chroma planes from geq expressions in their own coordinates.</summary>
    private string Clip(string name, string chroma, bool interlaced)
    {
        string path = _folder.File(name);
        Ffmpeg.Run(["-f", "lavfi", "-i", $"color=gray:s={Width}x{Height}:r=25:d=0.2",
            "-vf", $"format=yuv420p,geq=lum='16+mod(X*5+Y*3,220)':{chroma}", "-c:v", "libx264", "-qp", "0",
            .. interlaced ? new[] { "-flags", "+ildct+ilme", "-x264opts", "tff=1", "-field_order", "tt" } : [], path]);
        return path;
    }

    private string RawFile(string clip)
    {
        string path = clip + ".yuv";
        Ffmpeg.Run("-i", clip, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "yuv420p", path);
        return path;
    }

    private static (AlignedPicture Picture, FfmpegRead Read) FirstPicture(string clip)
    {
        using var source = new FfmpegSource(clip);
        source.SetVideoOutput(Width, Height, "yuv422p10le");
        source.SetAudioOutput(2);
        var picture = TestPicture.Yuv422P10(Width, Height);
        var audio = new float[48000 * 2];
        while (source.Read(picture.AsDestination(), audio, out var read))
        {
            if (read.Kind == FfmpegReadKind.Video)
                return (picture, read);
        }
        picture.Dispose();
        throw new InvalidOperationException($"{clip} has no picture");
    }
}
