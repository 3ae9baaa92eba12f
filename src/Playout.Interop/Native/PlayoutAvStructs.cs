using System.Runtime.InteropServices;

namespace Playout.Interop.Native;

/// <summary>PlayoutAvSourceInfo, field by field.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SourceInfoNative
{
    public int HasVideo;
    public int Width;
    public int Height;
    public int FrameRateNum;
    public int FrameRateDen;
    public int FieldOrder;
    public int SampleAspectNum;
    public int SampleAspectDen;
    public int AudioChannels;
    public int AudioSampleRate;
    public long DurationUs;
    public long FrameCount;
    public fixed byte Container[32];
    public fixed byte VideoCodec[32];
    public fixed byte AudioCodec[32];
}

/// <summary>PlayoutAvReadResult, field by field.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ReadResultNative
{
    public int Kind;
    public int AudioSamples;
    public long PtsUs;
    public int Interlaced;
    public int TopFieldFirst;
}

/// <summary>PlayoutAvSinkConfig, field by field.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SinkConfigNative
{
    public int Width;
    public int Height;
    public int FrameRateNum;
    public int FrameRateDen;
    public int FieldOrder;
    public int Colorspace;
    public int AudioChannels;
    public int AudioChannelsOut;
    public long VideoBitrate;
    public long AudioBitrate;
    public int Scte35Pid;
    public int OutWidth;
    public int OutHeight;
    public int TimedMetadata;
    public int Eit;
}
