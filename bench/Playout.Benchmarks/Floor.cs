namespace Playout.Benchmarks;

/// <summary>
/// The memory-bandwidth floor of a kernel: a plain Span.CopyTo moving the same traffic — half of the
/// bytes the kernel reads plus the bytes it writes, copied once (a copy reads and writes each byte).
/// </summary>
public sealed class Floor : IDisposable
{
    private readonly NativeBuffer _from;
    private readonly NativeBuffer _to;

    public Floor(long bytesRead, long bytesWritten)
    {
        int bytes = checked((int)((bytesRead + bytesWritten) / 2));
        _from = new NativeBuffer(bytes);
        _to = new NativeBuffer(bytes);
        _from.Randomize(1);
    }

    public void Copy() => _from.Span.CopyTo(_to.Span);

    public void Dispose()
    {
        _from.Dispose();
        _to.Dispose();
    }
}
