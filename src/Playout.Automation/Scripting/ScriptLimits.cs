namespace Playout.Automation.Scripting;

/// <summary>
/// What a script's worker process may use (docs/SCRIPTING.md): a script past either limit is stopped (its process
/// killed) and its run fails with <see cref="TimeExceeded"/> or <see cref="MemoryExceeded"/>.
/// </summary>
/// <param name="Time">How long the script may run, counted from when its worker starts it (starting the worker and compiling do not count).</param>
/// <param name="MemoryMegabytes">The worker's managed heap (<c>DOTNET_GCHeapHardLimit</c>); the service also stops a worker
/// whose working set passes this plus <see cref="RuntimeOverheadMegabytes"/>.</param>
public sealed record ScriptLimits(TimeSpan Time, int MemoryMegabytes)
{
    public static readonly ScriptLimits Default = new(TimeSpan.FromSeconds(10), 256);

    /// <summary>Less than this and the .NET runtime itself cannot start in the worker.</summary>
    public const int MinimumMemoryMegabytes = 32;

    /// <summary>What the .NET runtime and the loaded assemblies take in a worker beside its heap.</summary>
    public const int RuntimeOverheadMegabytes = 160;

    public string TimeExceeded => $"script exceeded its {Time.TotalSeconds:0.###} s limit and was stopped";

    public string MemoryExceeded => $"script used more than {MemoryMegabytes} MB of memory and was stopped";
}
