namespace Playout.Engine.Producers;

/// <summary>What a producer is asked for on one tick.</summary>
/// <param name="Tick">The channel's frame number.</param>
/// <param name="AudioSamples">Sample frames this tick carries (the format's 48 kHz cadence).</param>
/// <param name="Deadline"><see cref="System.Diagnostics.Stopwatch"/> timestamp after which a producer must not wait any longer.</param>
public readonly record struct ProduceContext(long Tick, int AudioSamples, long Deadline);
