using System.Runtime.InteropServices;

namespace Playout.Interop.Native;

/// <summary>
/// Loads libplayout_av once, before the first call into it, so that a missing or stale build fails with
/// a message saying how to build it instead of a bare <see cref="DllNotFoundException"/> at some call.
/// </summary>
internal static class PlayoutAvLibrary
{
    private const string BuildHint =
        "Run `./playout build`, or build native/ with `cmake -S native -B native/build -DCMAKE_BUILD_TYPE=Release && cmake --build native/build`, " +
        "then rebuild so the library is copied next to the Playout assemblies.";

    private static volatile bool s_loaded;

    public static void EnsureLoaded()
    {
        if (!s_loaded)
            Load();
    }

    private static void Load()
    {
        try
        {
            NativeLibrary.Load(PlayoutAvNative.LibraryName, typeof(PlayoutAvLibrary).Assembly, searchPath: null);
        }
        catch (DllNotFoundException e)
        {
            throw new DllNotFoundException($"libplayout_av.so (Playout's native FFmpeg shim) could not be loaded. {BuildHint} Loader: {e.Message}", e);
        }

        int abi = PlayoutAvNative.AbiVersion();
        if (abi != PlayoutAvNative.ExpectedAbiVersion)
            throw new InvalidOperationException(
                $"libplayout_av.so has ABI version {abi} but Playout.Interop expects {PlayoutAvNative.ExpectedAbiVersion}. {BuildHint}");
        s_loaded = true;
    }
}
