using Playout.Interop;
using Playout.Media.Formats;

namespace Playout.Engine.Producers.Clips;

/// <summary>
/// Where a source picture goes in the channel's raster: scaled to fill it without distortion, keeping the
/// source's display aspect ratio, centred, with black bars top and bottom (letterbox) or left and right (pillarbox).
/// Positions and sizes are even so 4:2:2 chroma and both fields of an interlaced picture stay whole.
/// </summary>
public readonly record struct PictureFit(int X, int Y, int Width, int Height)
{
    /// <param name="sampleAspect">The source's pixel aspect ratio (0 when unknown: square).</param>
    /// <param name="channelAspect">The channel's display aspect ratio (16:9 for HD and up, 4:3 for SD).</param>
    public static PictureFit Of(int sourceWidth, int sourceHeight, double sampleAspect, int channelWidth, int channelHeight, double channelAspect)
    {
        double sourceAspect = sourceWidth * (sampleAspect > 0 ? sampleAspect : 1) / sourceHeight;
        if (Math.Abs(sourceAspect - channelAspect) < 0.01)
            return new PictureFit(0, 0, channelWidth, channelHeight);
        if (sourceAspect > channelAspect)
        {
            int height = Even(channelHeight * channelAspect / sourceAspect);
            return new PictureFit(0, Even((channelHeight - height) / 2.0), channelWidth, height);
        }
        int width = Even(channelWidth * sourceAspect / channelAspect);
        return new PictureFit(Even((channelWidth - width) / 2.0), 0, width, channelHeight);
    }

    /// <summary>Where a source FFmpeg describes goes in <paramref name="format"/>'s raster.</summary>
    internal static PictureFit For(FfmpegMediaInfo source, VideoFormat format) =>
        Of(source.Width, source.Height,
            source.SampleAspectDenominator > 0 ? (double)source.SampleAspectNumerator / source.SampleAspectDenominator : 0,
            format.Width, format.Height, DisplayAspect(format));

    /// <summary>16:9 for HD and larger rasters; 4:3 for standard definition.</summary>
    public static double DisplayAspect(VideoFormat format) => format.Width <= 720 ? 4.0 / 3 : 16.0 / 9;

    private static int Even(double value) => Math.Max(2, (int)Math.Round(value / 2) * 2);
}
