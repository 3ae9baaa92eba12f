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
    /// of the channel's raster (not negative), prepared once for keying; whatever falls beyond the right or bottom edge is cut.
    /// </summary>
    /// <exception cref="InvalidDataException">The file cannot be read, decoded or holds no picture; the message names it and why.</exception>
    public static KeyedOverlay Overlay(ChannelContext channel, string path, int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        return Read(path, source => OverlayFrom(source, channel, x, y));
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

    private static KeyedOverlay OverlayFrom(FfmpegSource source, ChannelContext channel, int x, int y)
    {
        int width = source.Info.Width, height = source.Info.Height;
        using var picture = AlignedPicture.Packed(width * 4, height);
        source.SetVideoOutput(width, height, "bgra");
        ReadPicture(source, picture.AsDestination());
        int rasterWidth = channel.Format.Width, rasterHeight = channel.Format.Height;
        var raster = new byte[rasterWidth * rasterHeight * 4];
        int columns = Math.Min(width, rasterWidth - x), lines = Math.Min(height, rasterHeight - y);
        for (int line = 0; line < lines && columns > 0; line++)
            picture.Line(0, line)[..(columns * 4)].CopyTo(raster.AsSpan(((y + line) * rasterWidth + x) * 4));
        return KeyedOverlay.FromBgra(raster, rasterWidth, rasterHeight, premultiplied: false, channel.Matrix);
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
