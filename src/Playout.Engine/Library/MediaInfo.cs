using Playout.Media.Formats;

namespace Playout.Engine.Library;

/// <summary>What a media file holds, as FFmpeg describes it: the container, its first video and audio stream and its length.</summary>
/// <param name="Duration">The container's length; null when it does not say.</param>
/// <param name="FrameRate">Frames per second; null without video or when the file does not say.</param>
/// <param name="Interlaced">The video stream states a field order (top or bottom field first).</param>
/// <param name="VideoCodec">FFmpeg's codec name ("h264", "mpeg2video", …); empty without video.</param>
/// <param name="AudioCodec">FFmpeg's codec name ("aac", "pcm_s24le", …); empty without audio.</param>
public sealed record MediaInfo(
    string Container,
    TimeSpan? Duration,
    bool HasVideo,
    int Width,
    int Height,
    Rational? FrameRate,
    bool Interlaced,
    string VideoCodec,
    int AudioChannels,
    int AudioSampleRate,
    string AudioCodec);
