using System.ComponentModel;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Playout.Interop;

/// <summary>
/// Takes the UDP datagrams waiting on a socket, up to <see cref="Capacity"/>, in one <c>recvmmsg</c> call (Linux). An
/// uncompressed video flow brings hundreds of thousands of datagrams a second; one system call each is most of a
/// receiving thread's time, and a receiver that falls behind loses packets in the kernel's buffer.
/// </summary>
public sealed unsafe partial class UdpReceiveBatch
{
    /// <summary>The most datagrams one call takes.</summary>
    public const int Capacity = 32;

    private const int DontWait = 0x40, Interrupted = 4, WouldBlock = 11;

    private readonly byte[] _buffers;
    private readonly MultiMessageHeader[] _messages = GC.AllocateArray<MultiMessageHeader>(Capacity, pinned: true);
    private readonly IoVector[] _vectors = GC.AllocateArray<IoVector>(Capacity, pinned: true);
    private readonly int _slot;
    private int _count;

    /// <param name="datagramBytes">The largest datagram kept whole; a longer one is cut to this.</param>
    public UdpReceiveBatch(int datagramBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(datagramBytes);
        _slot = datagramBytes;
        _buffers = GC.AllocateUninitializedArray<byte>(datagramBytes * Capacity, pinned: true);
        for (int i = 0; i < Capacity; i++)
        {
            _vectors[i] = new IoVector((byte*)Unsafe.AsPointer(ref _buffers[i * datagramBytes]), (nuint)datagramBytes);
            _messages[i] = new MultiMessageHeader(new MessageHeader(null, 0, (IoVector*)Unsafe.AsPointer(ref _vectors[i]), 1, null, 0));
        }
    }

    /// <summary>Whether the call exists here (Linux on x86-64 or arm64: these struct layouts).</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    /// <summary>The datagrams the last <see cref="Receive"/> took.</summary>
    public int Count => _count;

    /// <summary>Datagram <paramref name="index"/> of the last <see cref="Receive"/>; valid until the next.</summary>
    public ReadOnlySpan<byte> this[int index] =>
        (uint)index < (uint)_count ? _buffers.AsSpan(index * _slot, (int)Math.Min(_messages[index].Length, (uint)_slot)) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Takes the datagrams waiting, without waiting for one; returns how many (0 when none).</summary>
    /// <exception cref="ObjectDisposedException">The socket is closed.</exception>
    /// <exception cref="Win32Exception">The kernel refused, with its reason.</exception>
    public int Receive(Socket socket)
    {
        _count = 0;
        using var descriptor = new SocketDescriptor(socket);
        int taken = ReceiveMessages(descriptor.Value, (MultiMessageHeader*)Unsafe.AsPointer(ref _messages[0]), Capacity, DontWait, null);
        if (taken >= 0)
            return _count = taken;
        int error = Marshal.GetLastPInvokeError();
        return error is WouldBlock or Interrupted ? 0 : throw new Win32Exception(error);
    }

    [LibraryImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
    private static partial int ReceiveMessages(int socket, MultiMessageHeader* messages, uint count, int flags, void* timeout);
}
