using Playout.Interop.Native;

namespace Playout.Interop;

public enum FfmpegColorspace
{
    Bt601 = 0,
    Bt709 = 1,
    Bt2020 = 2,
}

/// <summary>The picture and sound an <see cref="FfmpegSink"/> receives, and what it encodes.</summary>
/// <param name="AudioChannels">Channels of the interleaved float sound the caller writes.</param>
/// <param name="AudioChannelsOut">Channels encoded, the first of the caller's; 0 for no audio stream.</param>
/// <param name="VideoBitrate">Bits per second; 0 leaves the encoder's default.</param>
/// <param name="Scte35Pid">mpegts only: the PID (0x20..0x1FFE) of an SCTE-35 stream for <see cref="FfmpegSink.WriteScte35"/>; 0 for none.</param>
/// <param name="OutWidth">The width the encoder codes, the picture scaled to it; 0: the picture's own (and <paramref name="OutHeight"/>).</param>
/// <param name="TimedMetadata">mpegts only: a timed ID3 metadata stream for <see cref="FfmpegSink.WriteMetadata"/>.</param>
/// <param name="Eit">mpegts only: the SDT says the service carries DVB EIT present/following, written by <see cref="FfmpegSink.WriteEit"/>.</param>
public readonly record struct FfmpegSinkSettings(
    int Width, int Height, int FrameRateNumerator, int FrameRateDenominator, FfmpegFieldOrder FieldOrder, FfmpegColorspace Colorspace,
    int AudioChannels, int AudioChannelsOut, long VideoBitrate, long AudioBitrate, int Scte35Pid = 0, int OutWidth = 0, int OutHeight = 0,
    bool TimedMetadata = false, bool Eit = false);

/// <summary>
/// An FFmpeg encoder and muxer writing a file or a stream (udp://, srt://): yuv422p10le pictures, converted to the
/// encoder's pixel format, and interleaved float sound. One instance must not be used by two threads at once.
/// </summary>
public sealed class FfmpegSink : IDisposable
{
    private readonly SinkHandle _handle;
    private readonly int _audioChannels;

    /// <param name="container">FFmpeg's muxer name ("mpegts", "mov", "mxf"), or null to guess from the url.</param>
    /// <param name="videoCodec">The video encoder, or null for a sound-only output (then <see cref="WriteVideo"/> fails).</param>
    /// <param name="options">Encoder options as "key=value:key=value", or null.</param>
    /// <exception cref="PlayoutAvException">An encoder or muxer is unknown, an option is refused, or the url cannot be opened.</exception>
    public unsafe FfmpegSink(string url, string? container, string? videoCodec, string audioCodec, string? options, FfmpegSinkSettings settings)
    {
        ArgumentNullException.ThrowIfNull(url);
        PlayoutAvLibrary.EnsureLoaded();
        Url = url;
        _audioChannels = settings.AudioChannels;
        var config = new SinkConfigNative
        {
            Width = settings.Width,
            Height = settings.Height,
            FrameRateNum = settings.FrameRateNumerator,
            FrameRateDen = settings.FrameRateDenominator,
            FieldOrder = (int)settings.FieldOrder,
            Colorspace = (int)settings.Colorspace,
            AudioChannels = settings.AudioChannels,
            AudioChannelsOut = settings.AudioChannelsOut,
            VideoBitrate = settings.VideoBitrate,
            AudioBitrate = settings.AudioBitrate,
            Scte35Pid = settings.Scte35Pid,
            OutWidth = settings.OutWidth,
            OutHeight = settings.OutHeight,
            TimedMetadata = settings.TimedMetadata ? 1 : 0,
            Eit = settings.Eit ? 1 : 0,
        };
        int code = PlayoutAvNative.SinkOpen(url, container, videoCodec, audioCodec, options, &config, out _handle);
        if (code < 0)
        {
            _handle.Dispose();
            throw new PlayoutAvException(code, "PlayoutAv_SinkOpen", $"{url} ({container ?? "container from the name"}, {videoCodec ?? "no video"} + {audioCodec}, options '{options}')");
        }
    }

    public string Url { get; }

    /// <summary>Encodes one yuv422p10le picture as frame <paramref name="frameIndex"/> (indices increase).</summary>
    public void WriteVideo(ReadOnlyImagePlanes planes, long frameIndex)
    {
        var call = new VideoCall(_handle, frameIndex);
        Check(PlaneCall.Invoke(planes, ref call), "PlayoutAv_SinkWriteVideo");
    }

    /// <summary>Queues interleaved sound (whole sample frames) and encodes what fills the encoder's frames.</summary>
    public unsafe void WriteAudio(ReadOnlySpan<float> samples)
    {
        fixed (float* data = samples)
            Check(PlayoutAvNative.SinkWriteAudio(_handle, data, samples.Length / _audioChannels), "PlayoutAv_SinkWriteAudio");
    }

    /// <summary>
    /// The PTS (90 kHz, 33 bits) the muxer writes for video frame <paramref name="frameIndex"/>, its own offsets included:
    /// the splice_time.pts_time of an SCTE-35 cue for that frame. False until the first video packet has left the muxer
    /// (the encoder's delay: a few frames after the first <see cref="WriteVideo"/>).
    /// </summary>
    /// <exception cref="PlayoutAvException">The sink has no SCTE-35 PID (PLAYOUT_AV_ESCTE35) or is finished.</exception>
    public bool TryGetVideoPts(long frameIndex, out long pts90k)
    {
        int code = PlayoutAvNative.SinkVideoPts(_handle, frameIndex, out pts90k);
        if (code == -11) // AVERROR(EAGAIN)
            return false;
        Check(code, "PlayoutAv_SinkVideoPts");
        return true;
    }

    /// <summary>
    /// Writes one complete SCTE-35 splice_info_section (with its CRC_32) as TS packets on the SCTE-35 PID at the current
    /// mux position. Needs <see cref="FfmpegSinkSettings.Scte35Pid"/>.
    /// </summary>
    /// <exception cref="PlayoutAvException">Not a whole section with a valid CRC (AVERROR_INVALIDDATA), no SCTE-35 PID, finished, or the write failed.</exception>
    public unsafe void WriteScte35(ReadOnlySpan<byte> section)
    {
        fixed (byte* data = section)
            Check(PlayoutAvNative.SinkWriteScte35(_handle, data, section.Length), "PlayoutAv_SinkWriteScte35");
    }

    /// <summary>
    /// Writes one ID3 tag on the timed metadata stream at <paramref name="pts90k"/>, the time in 90 kHz units from the
    /// output's first frame (times do not go back). Needs <see cref="FfmpegSinkSettings.TimedMetadata"/>.
    /// </summary>
    /// <exception cref="PlayoutAvException">No metadata stream (PLAYOUT_AV_EMETADATA), an empty or oversized tag or a time going back (EINVAL), finished, or the write failed.</exception>
    public unsafe void WriteMetadata(ReadOnlySpan<byte> tag, long pts90k)
    {
        fixed (byte* data = tag)
            Check(PlayoutAvNative.SinkWriteMetadata(_handle, data, tag.Length, pts90k), "PlayoutAv_SinkWriteMetadata");
    }

    /// <summary>
    /// The ids an EIT for the muxer's service names (its SDT's: options such as mpegts_service_id change them). False
    /// until the first SDT has left the muxer (with the first packets). Needs <see cref="FfmpegSinkSettings.Eit"/>.
    /// </summary>
    /// <exception cref="PlayoutAvException">The sink has no EIT (PLAYOUT_AV_EEIT) or is finished.</exception>
    public bool TryGetServiceIds(out DvbServiceIds ids)
    {
        int code = PlayoutAvNative.SinkServiceIds(_handle, out int service, out int stream, out int network);
        ids = new DvbServiceIds((ushort)service, (ushort)stream, (ushort)network);
        if (code == -11) // AVERROR(EAGAIN)
            return false;
        Check(code, "PlayoutAv_SinkServiceIds");
        return true;
    }

    /// <summary>
    /// Writes one complete event_information_section (table 0x4E or 0x4F, with its CRC_32) as TS packets on PID 0x12 at
    /// the current mux position. Needs <see cref="FfmpegSinkSettings.Eit"/>.
    /// </summary>
    /// <exception cref="PlayoutAvException">Not a whole EIT section with a valid CRC (AVERROR_INVALIDDATA), no EIT, finished, or the write failed.</exception>
    public unsafe void WriteEit(ReadOnlySpan<byte> section)
    {
        fixed (byte* data = section)
            Check(PlayoutAvNative.SinkWriteEit(_handle, data, section.Length), "PlayoutAv_SinkWriteEit");
    }

    /// <summary>Flushes the encoders and writes the trailer (a file is complete after this).</summary>
    public void Finish() => Check(PlayoutAvNative.SinkFinish(_handle), "PlayoutAv_SinkFinish");

    public void Dispose() => _handle.Dispose();

    private void Check(int code, string function)
    {
        if (code < 0)
            throw new PlayoutAvException(code, function, Url);
    }

    private readonly unsafe struct VideoCall(SinkHandle handle, long frameIndex) : PlaneCall.ICall
    {
        public int Invoke(byte** planes, int* strides, int* sizes) => PlayoutAvNative.SinkWriteVideo(handle, planes, strides, sizes, frameIndex);
    }
}
