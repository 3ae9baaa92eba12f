using Playout.Engine.Alarms;
using Playout.Engine.Consumers;
using Playout.Engine.Probes;

namespace Playout.Engine.Channels;

/// <summary>A snapshot of a channel for status pages, REST, SNMP and the panel.</summary>
/// <param name="FailedTicks">Ticks whose mix failed (black and silence went out instead).</param>
/// <param name="LateTicks">Ticks the clock gave later than their due time (including those that slipped frames).</param>
/// <param name="SlippedFrames">Frames skipped because a tick came a whole frame or more late: the tick jumped to the reference's frame.</param>
/// <param name="AirTime">When the frame of the last tick aired on the clock's timeline (UTC); null before the first tick.</param>
/// <param name="Degraded">Ticks that went out degraded, by <see cref="DegradationKind"/> (pool exhausted: layers dropped, silence, cut for a transition).</param>
/// <param name="Probes">Black, freeze and silence on the programme now, and since when; null when the channel has no probes.</param>
/// <param name="Loudness">The live loudness meters and the item on air so far; null when the channel meters none.</param>
public sealed record ChannelStatus(
    string Name,
    string Format,
    bool Running,
    long Tick,
    string ClockSource,
    bool Genlocked,
    long LateTicks,
    long SlippedFrames,
    DateTimeOffset? AirTime,
    TimingSummary Timing,
    double FrameBudgetMicroseconds,
    IReadOnlyList<LayerStatus> Layers,
    IReadOnlyList<ConsumerStatus> Consumers,
    IReadOnlyList<Alarm> Alarms,
    int VideoFramesOutstanding,
    int AudioFramesOutstanding,
    long FailedTicks,
    IReadOnlyDictionary<string, long> Degraded,
    ProbeState? Probes,
    LoudnessStatus? Loudness);

/// <param name="FillerTicks">Ticks on which the filler stood in for a failed or late producer.</param>
/// <param name="DrivenBy">Who last drove the layer by a command naming them (<c>amcp:127.0.0.1:50112</c>); null when none has.</param>
/// <param name="Paused">The foreground holds its frame.</param>
/// <param name="Loops">The foreground is a clip that loops.</param>
/// <param name="Source">The file or address the foreground plays (null for generated pictures and an empty layer).</param>
/// <param name="BackgroundSource">The file or address pre-rolled behind it.</param>
/// <param name="AutoTake">The background goes on air by itself when the foreground ends.</param>
public sealed record LayerStatus(int Number, string? Foreground, string? Background, long Position, long? Length,
    bool InTransition, double Volume, double Opacity, long FillerTicks, string? Failure, string? DrivenBy = null,
    bool Paused = false, bool Loops = false, string? Source = null, string? BackgroundSource = null, bool AutoTake = false);

public sealed record ConsumerStatus(string Name, ConsumerCounters Counters);
