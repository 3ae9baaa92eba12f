using Playout.Engine.Channels;
using Playout.Engine.Pictures;
using Playout.Engine.Producers.Clips;
using Playout.Interop;
using Playout.Media.Frames;
using Playout.Media.Kernels;

namespace Playout.Engine.Producers;

/// <summary>
/// Still pictures from files (PNG, JPEG, TGA, … whatever FFmpeg decodes): graphics with alpha, and full-frame slates.
/// A file that cannot be used is an <see cref="InvalidDataException"/> naming it and FFmpeg's reason, so callers
/// never see the FFmpeg binding's own types.
/// </summary>
public static class ImageFiles
{
    /// <summary>
    /// A graphic with alpha (a logo bug) at its own size, its top-left corner at (<paramref name="x"/>, <paramref name="y"/>)
    /// of the channel's raster, prepared once for keying (whatever falls beyond the right or bottom edge is cut) and kept
    /// in <see cref="GraphicsCache.Shared"/>: the same file cued again at the same place is neither decoded nor converted.
    /// </summary>
    /// <exception cref="InvalidDataException">The file cannot be read, decoded or holds no picture; the message names it and why.</exception>
    /// <exception cref="InvalidOperationException">The position lies off the raster; the message names the file.</exception>
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
            return Read(path, source => OverlayFrom(source, channel, x, y));
        var placement = new GraphicsCache.Placement(file.FullName, file.Length, file.LastWriteTimeUtc, x, y, rasterWidth, rasterHeight, channel.Matrix);
        return cache.GetOrAdd(placement, () => Read(path, source => OverlayFrom(source, channel, x, y)));
    }

    /// <summary>A full-frame picture (a slate), fitted to the raster like a clip's, in a frame of the channel's pool.</summary>
    /// <exception cref="InvalidDataException">The file cannot be read, decoded or holds no picture; the message names it and why.</exception>
    public static Frame Picture(ChannelContext channel, string path) => Read(path, source => PictureFrom(source, channel));

    /// <summary>Opens the file and reads from it, turning FFmpeg's failures into <see cref="InvalidDataException"/>.</summary>
    private static T Read<T>(string path, Func<FfmpegSource, T> read)
    {
        try
        {
            using var source = Open(path);
            return read(source);
        }
        catch (PlayoutAvException error)
        {
            throw new InvalidDataException($"{path}: {error.Message}", error);
        }
    }

    /// <summary>Decodes the file as BGRA and converts the part on the raster.</summary>
    private static KeyedOverlay OverlayFrom(FfmpegSource source, ChannelContext channel, int x, int y)
    {
        int width = source.Info.Width, height = source.Info.Height;
        using var picture = AlignedPicture.Packed(width * 4, height);
        source.SetVideoOutput(width, height, "bgra");
        ReadPicture(source, picture.AsDestination());
        var bgra = new byte[width * height * 4];
        for (int line = 0; line < height; line++)
            picture.Line(0, line).CopyTo(bgra.AsSpan(line * width * 4));
        return KeyedOverlay.Place(bgra, width, height, premultiplied: false, channel.Matrix, x, y, channel.Format.Width, channel.Format.Height);
    }

    private static Frame PictureFrom(FfmpegSource source, ChannelContext channel)
    {
        var fit = PictureFit.For(source.Info, channel.Format);
        source.SetVideoOutput(fit.Width, fit.Height, "yuv422p10le");
        using var picture = new PlanarPicture(channel.Format.Width, channel.Format.Height);
        ReadPicture(source, picture.Region(fit.X, fit.Y));
        var frame = channel.VideoPool.Rent();
        picture.PackInto(frame);
        frame.Commit();
        return frame;
    }

    private static FfmpegSource Open(string path)
    {
        var source = new FfmpegSource(path, flags: FfmpegSourceFlags.NoAudio);
        if (!source.Info.HasVideo || source.Info.Width <= 0 || source.Info.Height <= 0)
        {
            source.Dispose();
            throw new InvalidDataException($"{path}: FFmpeg finds no picture in it");
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
        throw new InvalidDataException($"{source.Url}: FFmpeg decoded no picture from it");
    }
}
