namespace Playout.Devices.Redundancy;

/// <summary>One changeover of a pair: when, to which side, why ("automatic: tx-main: VSWR trip: RF off" or "manual") and by whom ("automatic" or the operator).</summary>
public sealed record TransmitterChangeover(string Pair, DateTimeOffset At, TransmitterSide To, string Why, string Who);
