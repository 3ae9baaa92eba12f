using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Playout.Media.Simd;

namespace Playout.Media.Kernels;

/// <summary>
/// Writes whole contiguous vectors of a kernel's output. When the frame's output is streamed (<see cref="OutputStores"/>:
/// the pass's input and output exceed the last-level cache) and starts on a vector-size boundary (pool frames are 64-byte aligned) the
/// stores bypass the cache: skipping the read-for-ownership of every destination line saves a third of the traffic.
/// Otherwise ordinary stores, which leave the output in cache for the stage that reads it next. Non-temporal stores are weakly ordered, so
/// <see cref="Complete"/> fences them before the kernel returns and the frame can be handed on.
/// </summary>
internal readonly unsafe struct StreamingOutput<TOps, TV> where TOps : ILaneOps<TV> where TV : struct
{
    private readonly byte* _destination;
    private readonly bool _aligned;

    /// <param name="destination">The pinned start of the output; every store is at a multiple of the vector size from it.</param>
    /// <param name="streamed">Whether the frame this output belongs to is streamed past the cache (decided once per frame).</param>
    public StreamingOutput(byte* destination, bool streamed)
    {
        _destination = destination;
        _aligned = streamed && (nuint)destination % (nuint)(16 * TOps.Lanes) == 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(TV value, nint offset)
    {
        if (_aligned)
            TOps.StoreNonTemporal(value, _destination + offset);
        else
            TOps.Store(value, ref Unsafe.AsRef<byte>(_destination + offset));
    }

    /// <summary>Makes the streamed stores visible to other cores before anyone is told the output is ready.</summary>
    public void Complete()
    {
        if (_aligned && Sse.IsSupported)
            Sse.StoreFence();
    }
}
