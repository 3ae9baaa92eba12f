namespace Playout.Media.Rtp;

/// <summary>
/// RTP packets of linear 24-bit PCM (RFC 3190 L24) as AES67 and SMPTE ST 2110-30 carry it: a fixed number of sample frames a
/// packet (48 for the 1 ms packet time at 48 kHz, 6 for 125 µs), channels interleaved, big-endian two's complement. The RTP
/// timestamp is the packet's first sample's index on the 48 kHz clock. Sound arrives a video frame at a time, in frames that
/// do not divide into packets (1601 or 1602 samples at 29.97 Hz), so a packet may span two video frames: the part of one
/// waits for the next. One packet buffer is reused: nothing is allocated per packet.
/// </summary>
public sealed class L24Packetizer
{
    private const int SampleBytes = 3;

    private readonly byte[] _packet;
    private readonly uint _ssrc;
    private readonly byte _payloadType;
    private long _packetStart = -1;
    private int _filled;

    /// <param name="channels">Channels a packet carries: those of the sound given to <see cref="Send"/> from <paramref name="firstChannel"/> on.</param>
    /// <param name="samplesPerPacket">Sample frames a packet: the packet time at 48 kHz.</param>
    /// <param name="firstChannel">The sound's channel (from 0) a packet's first channel is.</param>
    /// <exception cref="ArgumentOutOfRangeException">A channel count, packet size or payload type RTP cannot carry.</exception>
    public L24Packetizer(int channels, int samplesPerPacket, uint ssrc, byte payloadType = 97, int firstChannel = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegative(firstChannel);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samplesPerPacket);
        if ((long)channels * samplesPerPacket * SampleBytes > MaxPayloadBytes)
            throw new ArgumentOutOfRangeException(nameof(channels), channels,
                $"{channels} channels of {samplesPerPacket} samples make a packet over the {MaxPayloadBytes}-byte jumbo frame");
        if (payloadType > RtpHeader.MaxPayloadType)
            throw new ArgumentOutOfRangeException(nameof(payloadType), payloadType, "an RTP payload type has 7 bits");
        Channels = channels;
        FirstChannel = firstChannel;
        SamplesPerPacket = samplesPerPacket;
        _ssrc = ssrc;
        _payloadType = payloadType;
        _packet = new byte[PacketBytes];
    }

    /// <summary>The most payload a packet may carry: ST 2110-10's extended UDP size limit (8960 bytes) less the RTP header.</summary>
    public const int MaxPayloadBytes = 8960 - RtpHeader.Bytes;

    public int Channels { get; }

    /// <summary>The sound's channel (from 0) carried first.</summary>
    public int FirstChannel { get; }

    public int SamplesPerPacket { get; }

    /// <summary>Bytes of each packet, RTP header included.</summary>
    public int PacketBytes => RtpHeader.Bytes + Channels * SamplesPerPacket * SampleBytes;

    /// <summary>The first sample of the packet being built: while a sink has a packet, that packet's first sample on the 48 kHz
    /// clock (its RTP timestamp, before the timestamp wraps at 2^32).</summary>
    public long PacketStart => _packetStart;

    /// <summary>The next packet's sequence number.</summary>
    public ushort Sequence { get; set; }

    /// <summary>
    /// Adds one video frame's sound: <paramref name="samples"/> interleaved, <paramref name="sourceChannels"/> a sample frame,
    /// the first at <paramref name="firstSample"/> on the 48 kHz clock. Sends every packet it completes; returns how many.
    /// Sound that does not follow on from the last (a frame dropped between) abandons the packet begun, and packets start
    /// again from <paramref name="firstSample"/>: the receiver sees the gap in the timestamps.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer source channels than the packets carry, or a partial sample frame.</exception>
    public int Send(ReadOnlySpan<float> samples, int sourceChannels, long firstSample, RtpPacketSink sink)
    {
        if (sourceChannels < FirstChannel + Channels || samples.Length % sourceChannels != 0)
            throw new ArgumentException($"{samples.Length} samples of {sourceChannels} channels cannot feed packets of {Channels} channels", nameof(samples));
        if (_packetStart < 0 || firstSample != _packetStart + _filled)
            (_packetStart, _filled) = (firstSample, 0);
        int frames = samples.Length / sourceChannels, packets = 0, frameBytes = Channels * SampleBytes;
        for (int i = 0; i < frames; i++)
        {
            var into = _packet.AsSpan(RtpHeader.Bytes + _filled * frameBytes, frameBytes);
            var from = samples.Slice(i * sourceChannels + FirstChannel, Channels);
            for (int c = 0; c < from.Length; c++)
                WriteSample(into[(c * SampleBytes)..], from[c]);
            if (++_filled < SamplesPerPacket)
                continue;
            RtpHeader.Write(_packet, _payloadType, marker: false, Sequence++, (uint)_packetStart, _ssrc);
            sink(_packet);
            packets++;
            (_packetStart, _filled) = (_packetStart + SamplesPerPacket, 0);
        }
        return packets;
    }

    /// <summary>A full-scale ±1.0 sample as a 24-bit code, rounded to the nearest, clamped to the code range (NaN is silence).</summary>
    public static int Code(float sample) =>
        float.IsNaN(sample) ? 0 : (int)Math.Clamp(Math.Round(sample * 8388608.0, MidpointRounding.ToEven), -8388608, 8388607);

    private static void WriteSample(Span<byte> into, float sample)
    {
        int code = Code(sample);
        into[0] = (byte)(code >> 16);
        into[1] = (byte)(code >> 8);
        into[2] = (byte)code;
    }
}
