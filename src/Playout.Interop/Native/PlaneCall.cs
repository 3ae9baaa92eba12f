namespace Playout.Interop.Native;

/// <summary>
/// Pins up to four planes and hands a native call their pointers, strides and sizes as the 4-entry arrays
/// playout_av.h takes, so each wrapper states only its own call.
/// </summary>
internal static unsafe class PlaneCall
{
    public interface ICall
    {
        int Invoke(byte** planes, int* strides, int* sizes);
    }

    public static int Invoke<T>(in ReadOnlyImagePlanes planes, ref T call) where T : ICall, allows ref struct
    {
        fixed (byte* p0 = planes.Plane0, p1 = planes.Plane1, p2 = planes.Plane2, p3 = planes.Plane3)
        {
            byte** pointers = stackalloc byte*[] { p0, p1, p2, p3 };
            int* strides = stackalloc int[] { planes.Stride0, planes.Stride1, planes.Stride2, planes.Stride3 };
            int* sizes = stackalloc int[] { planes.Plane0.Length, planes.Plane1.Length, planes.Plane2.Length, planes.Plane3.Length };
            return call.Invoke(pointers, strides, sizes);
        }
    }
}
