namespace Playout.Engine.Modules;

/// <summary>The modules the engine ships; a host registers these and any of its own (<see cref="ModuleRegistry"/>).</summary>
public static class StandardModules
{
    public static IReadOnlyList<IModule> All => [new FfmpegModule(), new SyntheticModule(), new CardModule(), new St2110Module()];
}
