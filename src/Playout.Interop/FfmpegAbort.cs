using System.Runtime.InteropServices;

namespace Playout.Interop;

/// <summary>
/// Stops an <see cref="FfmpegSource"/>'s blocking network I/O from another thread: once <see cref="Abort"/> is called,
/// the open or read waiting for a silent stream gives up within about 0.1 s. It outlives the sources given it:
/// dispose it only after their thread is done with them.
/// </summary>
public sealed unsafe class FfmpegAbort : IDisposable
{
    private int* _flag = (int*)NativeMemory.AllocZeroed(sizeof(int));

    internal int* Flag => _flag;

    public void Abort() => Volatile.Write(ref *_flag, 1);

    public void Dispose()
    {
        NativeMemory.Free(_flag);
        _flag = null;
    }
}
