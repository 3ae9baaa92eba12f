using Playout.Interop;
using Playout.Media.Formats;

namespace Playout.Engine.Library;

/// <summary>
/// Reads what a media file holds and makes a thumbnail of it, through the same FFmpeg shim the clip producer
/// plays with, so a file the probe calls playable opens on air too. Safe to call from any thread (each call has its
/// own FFmpeg context); never call it on a channel's tick thread: it reads and decodes the file.
/// </summary>
public static class MediaProbe
{
    public const int DefaultThumbnailWidth = 192;

    /// <summary>The thumbnail shows the picture at 1 s, or at 10 % of a shorter file, past fades from black.</summary>
    private static readonly TimeSpan ThumbnailTime = TimeSpan.FromSeconds(1);

    /// <summary>Sound decoded while looking for the thumbnail's picture is thrown away; one channel keeps that cheap.</summary>
    private const int ScratchAudioFrames = 8192;

    /// <summary>
    /// Probes <paramref name="path"/>. A file FFmpeg cannot open or decode comes back unplayable with FFmpeg's error;
    /// only a missing native library (a broken installation, not a bad file) throws.
    /// </summary>
    /// <param name="thumbnailWidth">The thumbnail's width; its height keeps the picture's display aspect.</param>
    /// <param name="measureLoudness">Also measure the sound's loudness and true peak (<see cref="FileLoudness"/>): the whole sound is decoded.</param>
    public static MediaProbeResult Probe(string path, int thumbnailWidth = DefaultThumbnailWidth, bool measureLoudness = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(thumbnailWidth, 16);
        FfmpegSource source;
        try
        {
            source = new FfmpegSource(path);
        }
        catch (PlayoutAvException error)
        {
            return MediaProbeResult.Unplayable(error.Message);
        }
        MediaProbeResult result;
        using (source)
            result = ProbeOpened(source, thumbnailWidth);
        if (!result.IsPlayable || !measureLoudness || result.Info!.AudioChannels == 0 || Sound(path) is not { } sound)
            return result;
        return result with { Loudness = MediaLoudness.Of(sound.Reading), Markers = MediaMarkers.Of(sound.Markers) };
    }

    /// <summary>The sound's loudness and markers; null when it does not decode (the file may still play, its sound is not ours to judge here).</summary>
    private static FileLoudnessResult? Sound(string path)
    {
        try
        {
            return FileLoudness.Measure(path);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static MediaProbeResult ProbeOpened(FfmpegSource source, int thumbnailWidth)
    {
        var info = Describe(source.Info);
        if (!info.HasVideo)
            return MediaProbeResult.Playable(info, null);
        if (info.Width <= 0 || info.Height <= 0)
            return MediaProbeResult.Unplayable($"the video stream has no picture size ({info.Width}x{info.Height})", info);
        try
        {
            return Thumbnail(source, thumbnailWidth) is { } jpeg
                ? MediaProbeResult.Playable(info, jpeg)
                : MediaProbeResult.Unplayable("no picture could be decoded", info);
        }
        catch (PlayoutAvException error)
        {
            return MediaProbeResult.Unplayable(error.Message, info);
        }
    }

    private static MediaInfo Describe(FfmpegMediaInfo info) => new(
        info.Container,
        info.Duration,
        info.HasVideo,
        info.Width,
        info.Height,
        info.HasVideo && info.FrameRateNumerator > 0 && info.FrameRateDenominator > 0
            ? new Rational(info.FrameRateNumerator, info.FrameRateDenominator) : null,
        info.FieldOrder != FfmpegFieldOrder.Progressive,
        info.VideoCodec,
        info.AudioChannels,
        info.AudioSampleRate,
        info.AudioCodec);

    /// <summary>Decodes one picture near the start, scaled to the thumbnail's size, as a JPEG; null when none decodes.</summary>
    private static byte[]? Thumbnail(FfmpegSource source, int width)
    {
        var (thumbWidth, thumbHeight) = ThumbnailSize(source.Info, width);
        source.SetVideoOutput(thumbWidth, thumbHeight, "yuv420p", FfmpegScalerFlags.Area);
        source.SetAudioOutput(1);
        using var picture = new AlignedPicture(0, (thumbWidth, thumbHeight), (thumbWidth / 2, thumbHeight / 2), (thumbWidth / 2, thumbHeight / 2));
        var audio = new float[ScratchAudioFrames];
        var at = source.Info.Duration is { } duration && duration / 10 < ThumbnailTime ? duration / 10 : ThumbnailTime;
        // A container can state a length longer than its pictures run; then the first picture will do.
        if (!ReadPicture(source, at, picture, audio) && !ReadPicture(source, TimeSpan.Zero, picture, audio))
            return null;
        using var encoder = new FfmpegPictureEncoder(thumbWidth, thumbHeight, "yuv420p", thumbWidth, thumbHeight, "mjpeg");
        var buffer = new byte[thumbWidth * thumbHeight * 3 + 4096];
        int size = encoder.Encode(picture.AsSource(), buffer);
        return buffer[..size];
    }

    private static bool ReadPicture(FfmpegSource source, TimeSpan at, AlignedPicture picture, float[] audio)
    {
        source.Seek(at);
        while (source.Read(picture.AsDestination(), audio, out var read))
        {
            if (read.Kind == FfmpegReadKind.Video)
                return true;
        }
        return false;
    }

    /// <summary>The given width and the height that keeps the display aspect (pixel aspect included), both even for 4:2:0.</summary>
    private static (int Width, int Height) ThumbnailSize(FfmpegMediaInfo info, int width)
    {
        double pixelAspect = info.SampleAspectNumerator > 0 && info.SampleAspectDenominator > 0
            ? (double)info.SampleAspectNumerator / info.SampleAspectDenominator : 1;
        double displayWidth = info.Width * pixelAspect;
        int height = (int)Math.Round(width * info.Height / displayWidth / 2) * 2;
        return (width & ~1, Math.Max(2, height));
    }
}
