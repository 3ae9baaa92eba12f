namespace Playout.Snmp.PlayoutMib;

/// <summary>channelState: whether the channel ticks, and whether it has active alarms of its own.</summary>
public enum ChannelState { OffAir = 1, OnAir = 2, Degraded = 3 }

/// <summary>channelAction: what an operator may do to a channel run from a schedule (idle is what it reads as).</summary>
public enum ChannelAction { Idle = 1, Take = 2, Hold = 3, Release = 4, Skip = 5 }

/// <summary>PlayoutProbeState: a black/freeze/silence probe's state.</summary>
public enum ProbeState { Off = 1, Clear = 2, Detected = 3 }

/// <summary>outputState.</summary>
public enum OutputState { Running = 1, Failing = 2, Stopped = 3 }

/// <summary>deviceState.</summary>
public enum DeviceState { Unknown = 1, Online = 2, Offline = 3, Failed = 4 }

/// <summary>PlayoutSeverity: ITU-T X.733 perceived severity numbering.</summary>
public enum Severity { Cleared = 1, Indeterminate = 2, Critical = 3, Major = 4, Minor = 5, Warning = 6 }

/// <summary>A channelTable row. Loudness and true peak are null until measured; <paramref name="Automated"/>: it runs from a schedule, so it takes <see cref="ChannelAction"/>s.</summary>
public sealed record ChannelRow(
    uint Index,
    string Name,
    string Format,
    ChannelState State,
    string OnAirEvent,
    TimeSpan Remaining,
    string NextEvent,
    ulong LateTicks,
    ulong DroppedFrames,
    double? LoudnessIntegrated,
    double? LoudnessShortTerm,
    double? TruePeak,
    ProbeState Black,
    ProbeState Freeze,
    ProbeState Silence,
    bool Automated);

/// <summary>An outputTable row, indexed by its channel's index and its own position.</summary>
public sealed record OutputRow(uint ChannelIndex, uint Index, string Type, string Target, OutputState State, ulong FramesSent, ulong FramesDropped);

/// <summary>An alarmTable row. <paramref name="AckUser"/> is empty while the alarm is not acknowledged.</summary>
public sealed record AlarmRow(long Id, string Source, Severity Severity, string Text, DateTimeOffset RaisedAt, bool Acked, string AckUser);

/// <summary>A deviceTable row.</summary>
public sealed record DeviceRow(uint Index, string Name, string Type, DeviceState State);

/// <summary>txPairOnAir: the side of a transmitter pair on air.</summary>
public enum PairSide { Main = 1, Reserve = 2 }

/// <summary>A txPairTable row; faults, the last changeover and a held changeover are empty when there is none.</summary>
public sealed record TxPairRow(uint Index, string Name, string Main, string Reserve, PairSide OnAir, string MainFault, string ReserveFault,
    ulong Changeovers, string LastReason, string Held);
