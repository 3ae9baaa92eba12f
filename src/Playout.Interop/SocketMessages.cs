using System.Runtime.InteropServices;

namespace Playout.Interop;

/// <summary>One buffer of a socket message (<c>struct iovec</c>).</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly unsafe struct IoVector(byte* start, nuint length)
{
    public readonly byte* Start = start;
    public readonly nuint Length = length;
}

/// <summary>A socket message (<c>struct msghdr</c> on 64-bit Linux).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MessageHeader(byte* name, uint nameLength, IoVector* vectors, nuint vectorCount, byte* control, nuint controlLength)
{
    public byte* Name = name;
    public uint NameLength = nameLength;
    public IoVector* Vectors = vectors;
    public nuint VectorCount = vectorCount;
    public byte* Control = control;
    public nuint ControlLength = controlLength;
    public int Flags;
}

/// <summary>One message of a batch and the bytes it carried (<c>struct mmsghdr</c>).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MultiMessageHeader(MessageHeader header)
{
    public MessageHeader Header = header;
    public uint Length;
}
