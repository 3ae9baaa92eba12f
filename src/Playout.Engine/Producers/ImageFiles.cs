using Playout.Engine.Channels;
using Playout.Engine.Pictures;
using Playout.Engine.Producers.Clips;
using Playout.Interop;
using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.Engine.Producers;

/// <summary>Still pictures from files (PNG, JPEG, TGA, … whatever FFmpeg decodes): graphics with alpha, and full-frame slates.</summary>
public static class ImageFiles
{
    /// <summary>
    /// A graphic with alpha (a logo bug) at its own size, its top-left corner at (<paramref name="x"/>, <paramref name="y"/>)
    /// of the channel's raster, prepared once for keying (whatever falls beyond the right or bottom edge is cut) and kept
    /// in <see cref="GraphicsCache.Shared"/>: the same file cued again at the same place is neither decoded nor converted.
    /// </summary>
    /// <exception cref="PlayoutAvException">The file cannot be read or decoded; the message names it and FFmpeg's reason.</exception>
    /// <exception cref="InvalidOperationException">The file holds no picture, or the position lies off the raster; the message names the file.</exception>
    public static KeyedOverlay Overlay(ChannelContext channel, string path, int x, int y) =>
        Overlay(channel, path, x, y, GraphicsCache.Shared);

    /// <inheritdoc cref="Overlay(ChannelContext, string, int, int)"/>
    public static KeyedOverlay Overlay(ChannelContext channel, string path, int x, int y, GraphicsCache cache)
    {
        int rasterWidth = channel.Format.Width, rasterHeight = channel.Format.Height;
        if (x < 0 || y < 0 || x >= rasterWidth || y >= rasterHeight)
            throw new InvalidOperationException($"{path}: position ({x}, {y}) lies off the {rasterWidth}x{rasterHeight} raster of {channel.Format.Name}");
        var file = new FileInfo(path);
        if (!file.Exists)
            return Prepare(channel, path, x, y);
        var placement = new GraphicsCache.Placement(file.FullName, file.Length, file.LastWriteTimeUtc, x, y, rasterWidth, rasterHeight, channel.Matrix);
        return cache.GetOrAdd(placement, () => Prepare(channel, path, x, y));
    }

    /// <summary>A full-frame picture (a slate), fitted to the raster like a clip's, in a frame of the channel's pool.</summary>
    /// <exception cref="PlayoutAvException">The file cannot be read or decoded.</exception>
    public static Frame Picture(ChannelContext channel, string path)
    {
        using var source = Open(path);
        var fit = PictureFit.For(source.Info, channel.Format);
        source.SetVideoOutput(fit.Width, fit.Height, "yuv422p10le");
        using var picture = new PlanarPicture(channel.Format.Width, channel.Format.Height);
        ReadPicture(source, picture.Region(fit.X, fit.Y));
        var frame = channel.VideoPool.Rent();
        picture.PackInto(frame);
        frame.Commit();
        return frame;
    }

    /// <summary>Decodes the file as BGRA and converts the part on the raster.</summary>
    private static KeyedOverlay Prepare(ChannelContext channel, string path, int x, int y)
    {
        using var source = Open(path);
        int width = source.Info.Width, height = source.Info.Height;
        using var picture = AlignedPicture.Packed(width * 4, height);
        source.SetVideoOutput(width, height, "bgra");
        ReadPicture(source, picture.AsDestination());
        var bgra = new byte[width * height * 4];
        for (int line = 0; line < height; line++)
            picture.Line(0, line).CopyTo(bgra.AsSpan(line * width * 4));
        return KeyedOverlay.Place(bgra, width, height, premultiplied: false, channel.Matrix, x, y, channel.Format.Width, channel.Format.Height);
    }

    private static FfmpegSource Open(string path)
    {
        var source = new FfmpegSource(path, flags: FfmpegSourceFlags.NoAudio);
        if (!source.Info.HasVideo || source.Info.Width <= 0 || source.Info.Height <= 0)
        {
            source.Dispose();
            throw new InvalidOperationException($"{path}: FFmpeg finds no picture in it");
        }
        return source;
    }

    private static void ReadPicture(FfmpegSource source, ImagePlanes planes)
    {
        while (source.Read(planes, [], out var read))
        {
            if (read.Kind == FfmpegReadKind.Video)
                return;
        }
        throw new InvalidOperationException($"{source.Url}: FFmpeg decoded no picture from it");
    }
}
