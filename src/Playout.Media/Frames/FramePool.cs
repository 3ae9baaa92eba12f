using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Playout.Media.Formats;

namespace Playout.Media.Frames;

/// <summary>
/// A bounded set of frame buffers of one layout in native, 64-byte-aligned memory that never moves,
/// so capture/playout cards and native code can keep plane pointers for a frame's whole life.
/// </summary>
/// <remarks>
/// A channel calls <see cref="Preallocate"/> before it goes on air, so no tick ever waits for a buffer to be
/// allocated and its pages faulted in (hundreds of milliseconds for a pool of 8K frames). Without it, buffers are
/// allocated on the first rent that finds no free one, outside the lock. Every buffer is zeroed when allocated so
/// padding never carries heap garbage; after that buffers are reused and kept until <see cref="Dispose"/>. A rented
/// buffer holds whatever its last user wrote. Rent and return take a short lock; reference counting on
/// <see cref="Frame"/> is lock-free.
/// </remarks>
public sealed unsafe class FramePool : IDisposable
{
    /// <summary>Byte alignment of every buffer, plane and line stride: a cache line, and what DMA engines and AVX-512 want.</summary>
    public const int Alignment = 64;

    private readonly Lock _lock = new();
    private readonly Frame[] _free;
    private int _freeCount;
    private int _allocated;
    private int _allocating;
    private int _outstanding;
    private int _peakOutstanding;
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

    /// <summary>The most frames that were ever outstanding at once: the pool's real working set, however much is allocated.</summary>
    public int PeakOutstanding => Volatile.Read(ref _peakOutstanding);

    /// <summary>
    /// Whole pictures copied: by <see cref="Frame.MakeWritable"/> because the frame was shared, and by anyone else who
    /// must copy a frame before drawing on it (the mixer under a placed picture) and says so with <see cref="CountCopy"/>.
    /// Tests assert it, so a copy on a path meant to be zero-copy shows.
    /// </summary>
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
        int id;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_freeCount > 0)
            {
                frame = _free[--_freeCount];
                CountOut();
                frame.Open();
                return true;
            }
            if (_allocated + _allocating >= _free.Length)
            {
                frame = null;
                return false;
            }
            // Claim a slot, then allocate and zero outside the lock: other renters and returns never wait for it.
            id = _allocated + _allocating++;
            CountOut();
        }
        frame = new Frame(this, id, AllocateBuffer());
        lock (_lock)
        {
            _allocating--;
            _allocated++;
        }
        frame.Open();
        return true;
    }

    /// <summary>
    /// Allocates (and touches) every buffer the pool may hold and puts it on the free list, so renting never allocates
    /// afterwards. A channel does this before it goes on air; safe while others rent; idempotent.
    /// </summary>
    public void Preallocate()
    {
        while (true)
        {
            int id;
            lock (_lock)
            {
                if (_disposed || _allocated + _allocating >= _free.Length)
                    return;
                id = _allocated + _allocating++;
            }
            var frame = new Frame(this, id, AllocateBuffer());
            lock (_lock)
            {
                _allocating--;
                _allocated++;
                if (_disposed)
                    NativeMemory.AlignedFree((void*)frame.Buffer);
                else
                    _free[_freeCount++] = frame;
            }
        }
    }

    /// <summary>
    /// Frees every buffer not in use. Frames still outstanding stay valid and their buffers are freed when they are
    /// released for the last time. Never throws: shutdown must go on to close every other channel's files and streams,
    /// so a leak is returned for the caller to report.
    /// </summary>
    /// <returns>The frames still outstanding (a leak or a shutdown-order bug when not zero).</returns>
    public int Close()
    {
        lock (_lock)
        {
            if (_disposed)
                return _outstanding;
            _disposed = true;
            while (_freeCount > 0)
                NativeMemory.AlignedFree((void*)_free[--_freeCount].Buffer);
            return _outstanding;
        }
    }

    /// <summary>Frees the pool like <see cref="Close"/>, ignoring frames still outstanding.</summary>
    public void Dispose() => Close();

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

    private void CountOut()
    {
        if (++_outstanding > _peakOutstanding)
            _peakOutstanding = _outstanding;
    }

    /// <summary>Counts one whole-picture copy of a frame of this pool.</summary>
    public void CountCopy() => Interlocked.Increment(ref _copiesMade);

    private nint AllocateBuffer()
    {
        var buffer = NativeMemory.AlignedAlloc((nuint)Layout.TotalBytes, Alignment);
        NativeMemory.Clear(buffer, (nuint)Layout.TotalBytes);
        return (nint)buffer;
    }
}
