namespace Playout.Interop;

public enum FfmpegFieldOrder
{
    /// <summary>Progressive, or not stated.</summary>
    Progressive = 0,
    TopFieldFirst = 1,
    BottomFieldFirst = 2,
}

/// <summary>What FFmpeg found in an input: its video and audio streams and how long it is.</summary>
/// <param name="FrameRateNumerator">Frames per second as a fraction; 0/0 when the container does not say.</param>
/// <param name="Duration">The container's duration; null when unknown (live streams).</param>
/// <param name="FrameCount">The video stream's frame count when the container states it.</param>
public sealed record FfmpegMediaInfo(
    bool HasVideo, int Width, int Height, int FrameRateNumerator, int FrameRateDenominator, FfmpegFieldOrder FieldOrder,
    int SampleAspectNumerator, int SampleAspectDenominator, int AudioChannels, int AudioSampleRate,
    TimeSpan? Duration, long? FrameCount, string Container, string VideoCodec, string AudioCodec)
{
    public override string ToString() =>
        $"{Container}: " + (HasVideo ? $"{VideoCodec} {Width}x{Height} {FrameRateNumerator}/{FrameRateDenominator} fps {FieldOrder}" : "no video")
        + (AudioChannels > 0 ? $", {AudioCodec} {AudioChannels} ch {AudioSampleRate} Hz" : ", no audio")
        + (Duration is { } duration ? $", {duration.TotalSeconds:0.###} s" : "");
}
