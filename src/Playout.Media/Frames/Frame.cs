using Playout.Media.Formats;

namespace Playout.Media.Frames;

/// <summary>
/// One picture in a <see cref="FramePool"/> buffer. The renter owns it and may write it; <see cref="Commit"/>
/// freezes it so it can be shared (<see cref="AddRef"/>) with any number of readers on any threads; the last
/// <see cref="Release"/> gives the buffer back. Frame objects are pooled with their buffers, so holding a
/// frame after releasing it is a bug this class can only sometimes catch.
/// </summary>
public sealed unsafe class Frame
{
    private readonly FramePool _pool;
    private int _references;
    private bool _committed;
    private FrameMetadata _metadata;

    internal Frame(FramePool pool, int id, nint buffer)
    {
        _pool = pool;
        Id = id;
        Buffer = buffer;
    }

    /// <summary>The frame's slot in its pool, stable for the pool's life; it names the frame in messages.</summary>
    public int Id { get; }

    public FrameLayout Layout => _pool.Layout;

    /// <summary>True once <see cref="Commit"/> has made the frame read-only.</summary>
    public bool IsCommitted => Volatile.Read(ref _committed);

    /// <summary>References currently held; zero once the frame is back in its pool.</summary>
    public int References => Volatile.Read(ref _references);

    /// <exception cref="InvalidOperationException">Set after <see cref="Commit"/>.</exception>
    public FrameMetadata Metadata
    {
        get => _metadata;
        set
        {
            ThrowIfNotWritable();
            _metadata = value;
        }
    }

    internal nint Buffer { get; }

    /// <summary>A whole plane, stride padding included, for writing.</summary>
    /// <exception cref="InvalidOperationException">The frame is committed or released.</exception>
    public Span<byte> WritablePlane(int plane)
    {
        ThrowIfNotWritable();
        var layout = PlaneAt(plane);
        return new Span<byte>((void*)(Buffer + layout.Offset), layout.TotalBytes);
    }

    /// <summary>The picture bytes of one line (padding excluded), for writing.</summary>
    /// <exception cref="InvalidOperationException">The frame is committed or released.</exception>
    public Span<byte> WritableLine(int plane, int line)
    {
        ThrowIfNotWritable();
        return new Span<byte>((void*)LineAddress(plane, line, out var length), length);
    }

    /// <summary>A whole plane, stride padding included.</summary>
    public ReadOnlySpan<byte> Plane(int plane)
    {
        ThrowIfReleased();
        var layout = PlaneAt(plane);
        return new ReadOnlySpan<byte>((void*)(Buffer + layout.Offset), layout.TotalBytes);
    }

    /// <summary>The picture bytes of one line (padding excluded); interlaced frames hold their fields' lines interleaved.</summary>
    public ReadOnlySpan<byte> Line(int plane, int line)
    {
        ThrowIfReleased();
        return new ReadOnlySpan<byte>((void*)LineAddress(plane, line, out var length), length);
    }

    /// <summary>
    /// The native address of a plane, 64-byte aligned and fixed until the last release. Native code may
    /// write through it only while the frame is uncommitted.
    /// </summary>
    public nint PlanePointer(int plane)
    {
        ThrowIfReleased();
        return Buffer + PlaneAt(plane).Offset;
    }

    /// <summary>Makes the frame read-only so it can be shared.</summary>
    /// <exception cref="InvalidOperationException">The frame is already committed or is released.</exception>
    public void Commit()
    {
        ThrowIfNotWritable();
        Volatile.Write(ref _committed, true);
    }

    /// <summary>Takes one more reference, to hand the frame to another reader.</summary>
    /// <returns>This frame, for handing on in one expression.</returns>
    /// <exception cref="InvalidOperationException">The frame is not committed yet, or is released.</exception>
    public Frame AddRef()
    {
        if (!IsCommitted)
            throw new InvalidOperationException($"{this} must be committed before it is shared");
        RefCount.Increment(ref _references, this);
        return this;
    }

    /// <summary>Drops one reference; the last one returns the buffer to the pool.</summary>
    /// <exception cref="InvalidOperationException">More releases than references.</exception>
    public void Release()
    {
        if (RefCount.Decrement(ref _references, this))
            _pool.Return(this);
    }

    /// <summary>
    /// Copy-on-write. Held only by the caller: returns this frame, re-opened for writing. Shared: rents a
    /// new frame, copies pixels and metadata into it, releases the caller's reference to this one and
    /// returns the copy. Either way the caller then owns the one reference to the frame returned.
    /// </summary>
    /// <exception cref="FramePoolExhaustedException">A copy was needed and the pool is exhausted; nothing is released.</exception>
    public Frame MakeWritable()
    {
        ThrowIfReleased();
        // Nobody else can take a reference to a frame only the caller holds, so this check cannot go stale.
        if (References == 1)
        {
            Volatile.Write(ref _committed, false);
            return this;
        }
        var copy = _pool.Rent();
        new ReadOnlySpan<byte>((void*)Buffer, Layout.TotalBytes).CopyTo(new Span<byte>((void*)copy.Buffer, Layout.TotalBytes));
        copy._metadata = _metadata;
        _pool.CountCopy();
        Release();
        return copy;
    }

    public override string ToString() => $"frame {Id} (sequence {_metadata.Sequence}) of {Layout}";

    /// <summary>Resets a frame the pool is handing out to its first renter.</summary>
    internal void Open()
    {
        _metadata = default;
        _committed = false;
        Volatile.Write(ref _references, 1);
    }

    private PlaneLayout PlaneAt(int plane)
    {
        var planes = Layout.Planes;
        ArgumentOutOfRangeException.ThrowIfNegative(plane);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(plane, planes.Count);
        return planes[plane];
    }

    private nint LineAddress(int plane, int line, out int length)
    {
        var layout = PlaneAt(plane);
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(line, layout.Lines);
        length = layout.LineBytes;
        return Buffer + layout.Offset + (nint)line * layout.Stride;
    }

    private void ThrowIfReleased()
    {
        if (References == 0)
            throw new InvalidOperationException($"{this} is released and back in its pool");
    }

    private void ThrowIfNotWritable()
    {
        ThrowIfReleased();
        if (IsCommitted)
            throw new InvalidOperationException($"{this} is committed and read-only; call MakeWritable to change it");
    }
}
