using System.Net.Sockets;

namespace Playout.Interop;

/// <summary>
/// A socket's file descriptor for one native call: the socket's handle is held (a reference added) until disposed, so a
/// close on another thread cannot free the number, and another socket take it, while the call uses it.
/// </summary>
/// <exception cref="ObjectDisposedException">The socket is closed.</exception>
internal ref struct SocketDescriptor
{
    private readonly Socket _socket;
    private bool _held;

    public SocketDescriptor(Socket socket)
    {
        _socket = socket;
        socket.SafeHandle.DangerousAddRef(ref _held);
        Value = (int)socket.SafeHandle.DangerousGetHandle();
    }

    public int Value { get; }

    public void Dispose()
    {
        if (_held)
            _socket.SafeHandle.DangerousRelease();
        _held = false;
    }
}
