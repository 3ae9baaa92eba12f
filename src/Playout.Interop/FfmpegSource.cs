using System.Runtime.InteropServices;
using Playout.Interop.Native;

namespace Playout.Interop;

[Flags]
public enum FfmpegSourceFlags
{
    None = 0,

    /// <summary>A live stream (udp://, srt://): no seeking, no duration, low-delay demuxing.</summary>
    Live = 1,

    /// <summary>Ignore the input's audio.</summary>
    NoAudio = 2,

    /// <summary>Ignore the input's video: only sound is decoded (no video output to set).</summary>
    NoVideo = 4,
}

public enum FfmpegReadKind
{
    Video = PlayoutAvNative.ReadVideo,
    Audio = PlayoutAvNative.ReadAudio,
}

/// <summary>What one <see cref="FfmpegSource.Read"/> delivered.</summary>
/// <param name="AudioSamples">Audio: sample frames written.</param>
/// <param name="Pts">Presentation time from the stream's start, in microseconds.</param>
public readonly record struct FfmpegRead(FfmpegReadKind Kind, int AudioSamples, long Pts);

/// <summary>
/// A file or network stream demuxed and decoded by FFmpeg. Pictures are converted by swscale straight into the
/// caller's planes, in the size and pixel format <see cref="SetVideoOutput"/> chose; sound is resampled to 48 kHz
/// interleaved float. One instance must not be used by two threads at once.
/// </summary>
public sealed class FfmpegSource : IDisposable
{
    private const int AverrorEof = -0x20464F45;
    private readonly SourceHandle _handle;
    private int _audioChannels = 16;

    /// <param name="abort">Gives up the open and later reads blocked on the network when aborted (null: they wait, or time out by the options).</param>
    /// <exception cref="PlayoutAvException">FFmpeg cannot open the input (missing, unreadable, corrupt, no stream); the message names it and FFmpeg's reason.</exception>
    public unsafe FfmpegSource(string url, string? options = null, FfmpegSourceFlags flags = FfmpegSourceFlags.None, FfmpegAbort? abort = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        PlayoutAvLibrary.EnsureLoaded();
        Url = url;
        int code = PlayoutAvNative.SourceOpenAbortable(url, options, (int)flags, abort is null ? null : abort.Flag, out _handle);
        if (code < 0)
        {
            _handle.Dispose();
            throw new PlayoutAvException(code, "PlayoutAv_SourceOpen", url);
        }
        SourceInfoNative info;
        Check(PlayoutAvNative.SourceInfo(_handle, &info), "PlayoutAv_SourceInfo");
        Info = new FfmpegMediaInfo(info.HasVideo != 0, info.Width, info.Height, info.FrameRateNum, info.FrameRateDen,
            (FfmpegFieldOrder)info.FieldOrder, info.SampleAspectNum, info.SampleAspectDen, info.AudioChannels, info.AudioSampleRate,
            info.DurationUs >= 0 ? TimeSpan.FromMicroseconds(info.DurationUs) : null, info.FrameCount >= 0 ? info.FrameCount : null,
            Text(info.Container), Text(info.VideoCodec), Text(info.AudioCodec));
    }

    public string Url { get; }

    public FfmpegMediaInfo Info { get; }

    /// <summary>Pictures are delivered as <paramref name="width"/> x <paramref name="height"/> <paramref name="pixelFormat"/> (FFmpeg's name).</summary>
    public void SetVideoOutput(int width, int height, string pixelFormat, FfmpegScalerFlags flags = FfmpegScalerFlags.None) =>
        Check(PlayoutAvNative.SourceSetVideoOutput(_handle, width, height, pixelFormat, (int)flags), "PlayoutAv_SourceSetVideoOutput");

    /// <summary>Sound is delivered with <paramref name="channels"/> samples a sample frame: the source's channels first, silence after.</summary>
    public void SetAudioOutput(int channels)
    {
        Check(PlayoutAvNative.SourceSetAudioOutput(_handle, channels), "PlayoutAv_SourceSetAudioOutput");
        _audioChannels = channels;
    }


    /// <summary>The next reads start at <paramref name="time"/> exactly (decoded from the key frame before it).</summary>
    public void Seek(TimeSpan time) =>
        Check(PlayoutAvNative.SourceSeek(_handle, (long)time.TotalMicroseconds), "PlayoutAv_SourceSeek");

    /// <summary>
    /// Decodes until a picture (written into <paramref name="planes"/>) or some sound (written into
    /// <paramref name="audio"/>, whole sample frames of the channels <see cref="SetAudioOutput"/> set, 16 by default) is ready. False at the end of the input.
    /// </summary>
    /// <exception cref="PlayoutAvException">Reading or decoding failed, or the planes do not fit the output size.</exception>
    public unsafe bool Read(ImagePlanes planes, Span<float> audio, out FfmpegRead read)
    {
        ReadResultNative result;
        int code;
        fixed (float* samples = audio)
        {
            // The read-only view carries the same pointers; the native call writes the picture through them.
            var call = new ReadCall(_handle, samples, audio.Length / _audioChannels, &result);
            code = PlaneCall.Invoke(planes, ref call);
        }
        if (code == AverrorEof)
        {
            read = default;
            return false;
        }
        Check(code, "PlayoutAv_SourceRead");
        read = new FfmpegRead((FfmpegReadKind)result.Kind, result.AudioSamples, result.PtsUs);
        return true;
    }

    public void Dispose() => _handle.Dispose();

    private void Check(int code, string function)
    {
        if (code < 0)
            throw new PlayoutAvException(code, function, Url);
    }

    private static unsafe string Text(byte* text) => Marshal.PtrToStringUTF8((nint)text) ?? "";

    private readonly unsafe struct ReadCall(SourceHandle handle, float* audio, int capacity, ReadResultNative* result) : PlaneCall.ICall
    {
        public int Invoke(byte** planes, int* strides, int* sizes) =>
            PlayoutAvNative.SourceRead(handle, planes, strides, sizes, audio, capacity, result);
    }
}
