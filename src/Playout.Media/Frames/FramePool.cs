using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Playout.Media.Formats;

namespace Playout.Media.Frames;

/// <summary>
/// A bounded set of frame buffers of one layout in native, 64-byte-aligned memory that never moves,
/// so capture/playout cards and native code can keep plane pointers for a frame's whole life.
/// </summary>
/// <remarks>
/// Buffers are allocated lazily, on the first rent that finds no free one, and zeroed then so padding
/// never carries heap garbage; after that they are reused and kept until <see cref="Dispose"/>, so a
/// pool that has reached its working set rents without allocating. A rented buffer holds whatever its
/// last user wrote. Rent and return take a short lock; reference counting on <see cref="Frame"/> is lock-free.
/// </remarks>
public sealed unsafe class FramePool : IDisposable
{
    /// <summary>Byte alignment of every buffer, plane and line stride: a cache line, and what DMA engines and AVX-512 want.</summary>
    public const int Alignment = 64;

    private readonly Lock _lock = new();
    private readonly Frame[] _free;
    private int _freeCount;
    private int _allocated;
    private int _outstanding;
    private long _copiesMade;
    private bool _disposed;

    /// <exception cref="ArgumentException">The size does not suit the format.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is not positive.</exception>
    public FramePool(PixelFormat format, int width, int height, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Layout = format.Layout(width, height, lineAlignment: Alignment);
        _free = new Frame[capacity];
    }

    public FrameLayout Layout { get; }

    /// <summary>The most frames this pool will ever hold.</summary>
    public int Capacity => _free.Length;

    /// <summary>Buffers allocated so far (at most <see cref="Capacity"/>).</summary>
    public int Allocated => Volatile.Read(ref _allocated);

    /// <summary>Frames rented and not yet released for the last time; zero once everything is back.</summary>
    public int Outstanding => Volatile.Read(ref _outstanding);

    /// <summary>Buffers copied by <see cref="Frame.MakeWritable"/> because the frame was shared.</summary>
    public long CopiesMade => Interlocked.Read(ref _copiesMade);

    /// <summary>A writable frame holding one reference, its metadata reset.</summary>
    /// <exception cref="FramePoolExhaustedException">All <see cref="Capacity"/> frames are outstanding.</exception>
    /// <exception cref="ObjectDisposedException">The pool is disposed.</exception>
    public Frame Rent() =>
        TryRent(out var frame) ? frame : throw new FramePoolExhaustedException(Layout, Capacity, Outstanding);

    /// <summary>Like <see cref="Rent"/>, but answers false instead of throwing when the pool is exhausted.</summary>
    /// <exception cref="ObjectDisposedException">The pool is disposed.</exception>
    public bool TryRent([NotNullWhen(true)] out Frame? frame)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_freeCount > 0)
                frame = _free[--_freeCount];
            else if (_allocated < _free.Length)
            {
                frame = new Frame(this, _allocated, AllocateBuffer());
                _allocated++;
            }
            else
            {
                frame = null;
                return false;
            }
            _outstanding++;
        }
        frame.Open();
        return true;
    }

    /// <summary>
    /// Frees every buffer not in use. Frames still outstanding stay valid and their buffers are freed when
    /// they are released for the last time, but that is a leak or a shutdown-order bug, so it throws.
    /// </summary>
    /// <exception cref="InvalidOperationException">Frames were still outstanding.</exception>
    public void Dispose()
    {
        int outstanding;
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            while (_freeCount > 0)
                NativeMemory.AlignedFree((void*)_free[--_freeCount].Buffer);
            outstanding = _outstanding;
        }
        if (outstanding > 0)
            throw new InvalidOperationException(
                $"frame pool for {Layout} disposed with {outstanding} frame(s) still outstanding; their buffers are freed when they are released");
    }

    internal void Return(Frame frame)
    {
        lock (_lock)
        {
            _outstanding--;
            if (_disposed)
                NativeMemory.AlignedFree((void*)frame.Buffer);
            else
                _free[_freeCount++] = frame;
        }
    }

    internal void CountCopy() => Interlocked.Increment(ref _copiesMade);

    private nint AllocateBuffer()
    {
        var buffer = NativeMemory.AlignedAlloc((nuint)Layout.TotalBytes, Alignment);
        NativeMemory.Clear(buffer, (nuint)Layout.TotalBytes);
        return (nint)buffer;
    }
}
