using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Playout.Interop;

/// <summary>
/// Sends a run of equal-size UDP datagrams (the last may be shorter) in one system call with Linux's UDP generic
/// segmentation offload: one <c>sendmsg</c> with a <c>UDP_SEGMENT</c> control message (Linux 4.18), which the kernel cuts
/// into datagrams of that size. An uncompressed video flow sends tens of thousands of datagrams a second; per datagram,
/// the system call and the trip down the network stack are most of a sender's CPU.
/// </summary>
public static unsafe partial class UdpSegments
{
    /// <summary>The most datagrams one call may carry (the kernel's UDP_MAX_SEGMENTS on older kernels).</summary>
    public const int MaxSegments = 64;

    /// <summary>The most bytes one call may carry: a UDP datagram's limit.</summary>
    public const int MaxBytes = 65_507;

    private const int SolUdp = 17, UdpSegment = 103;

    /// <summary>Whether the offload can be asked for here (Linux on x86-64 or arm64: this struct layout).</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    /// <summary>
    /// Sends <paramref name="datagrams"/>, cut every <paramref name="segmentBytes"/>, to <paramref name="destination"/>; returns 0,
    /// or the error number when the kernel refused (e.g. EIO where the route's device cannot segment; the caller then sends
    /// one datagram at a time).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">More than <see cref="MaxSegments"/> datagrams or <see cref="MaxBytes"/> bytes.</exception>
    public static int Send(Socket socket, ReadOnlySpan<byte> datagrams, int segmentBytes, SocketAddress destination)
    {
        if (segmentBytes <= 0 || datagrams.Length > MaxBytes || (datagrams.Length + segmentBytes - 1) / segmentBytes > MaxSegments)
            throw new ArgumentOutOfRangeException(nameof(datagrams), datagrams.Length, $"at most {MaxSegments} datagrams and {MaxBytes} bytes a call");
        // cmsghdr (length, level, type) then the 16-bit segment size, padded to the header's alignment.
        var control = stackalloc byte[24];
        *(nuint*)control = 18;
        *(int*)(control + 8) = SolUdp;
        *(int*)(control + 12) = UdpSegment;
        *(ushort*)(control + 16) = (ushort)segmentBytes;
        var name = destination.Buffer.Span;
        fixed (byte* data = datagrams)
        fixed (byte* address = name)
        {
            var vector = new IoVector(data, (nuint)datagrams.Length);
            var message = new MessageHeader(address, (uint)destination.Size, &vector, 1, control, 24);
            using var descriptor = new SocketDescriptor(socket);
            return SendMessage(descriptor.Value, &message, 0) >= 0 ? 0 : Marshal.GetLastPInvokeError();
        }
    }

    [LibraryImport("libc", EntryPoint = "sendmsg", SetLastError = true)]
    private static partial nint SendMessage(int socket, MessageHeader* message, int flags);
}
