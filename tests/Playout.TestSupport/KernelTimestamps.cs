using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Playout.TestSupport;

/// <summary>
/// Receives a datagram with the time the kernel queued it to the socket (SO_TIMESTAMPNS), Linux x86-64: arrival times that
/// do not carry the receiving thread's wake-up delays. Over loopback the kernel queues a datagram inside the sender's
/// send call, so this is the sender's own timing.
/// </summary>
public static unsafe partial class KernelTimestamps
{
    private const int SolSocket = 1, SoTimestampNs = 35;

    public static void Enable(Socket socket)
    {
        int on = 1;
        if (SetSocketOption((int)socket.SafeHandle.DangerousGetHandle(), SolSocket, SoTimestampNs, &on, sizeof(int)) != 0)
            throw new InvalidOperationException($"SO_TIMESTAMPNS: {Marshal.GetLastPInvokeErrorMessage()}");
    }

    /// <summary>Receives one datagram into <paramref name="buffer"/>; its length (−1 on error or timeout) and the kernel's time in ns.</summary>
    public static (int Length, long Nanoseconds) Receive(Socket socket, Span<byte> buffer)
    {
        var control = stackalloc byte[64];
        fixed (byte* data = buffer)
        {
            var vector = new IoVector { Start = data, Length = (nuint)buffer.Length };
            var message = new MessageHeader { Vectors = &vector, VectorCount = 1, Control = control, ControlLength = 64 };
            nint length = ReceiveMessage((int)socket.SafeHandle.DangerousGetHandle(), &message, 0);
            if (length < 0)
                return (-1, 0);
            // cmsghdr: length (8), level (4), type (4), then struct timespec (seconds, nanoseconds).
            for (byte* at = control; at + 16 <= control + (int)message.ControlLength;)
            {
                nuint cmsgLength = *(nuint*)at;
                if (*(int*)(at + 8) == SolSocket && *(int*)(at + 12) == SoTimestampNs)
                    return ((int)length, *(long*)(at + 16) * 1_000_000_000 + *(long*)(at + 24));
                if (cmsgLength == 0)
                    break;
                at += (int)((cmsgLength + 7) & ~(nuint)7);
            }
            return ((int)length, 0);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVector
    {
        public byte* Start;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MessageHeader
    {
        public byte* Name;
        public uint NameLength;
        public IoVector* Vectors;
        public nuint VectorCount;
        public byte* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    private static partial nint ReceiveMessage(int socket, MessageHeader* message, int flags);

    [LibraryImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    private static partial int SetSocketOption(int socket, int level, int name, void* value, int length);
}
