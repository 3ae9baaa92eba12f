namespace Playout.Devices.Redundancy;

/// <summary>
/// A pair for REST: the side on air (state onMain or onReserve), each side's fault now (null: healthy), the last changeover,
/// an automatic changeover waiting for a break's end (null: none), and the changeovers done since the start.
/// </summary>
public sealed record TransmitterPairStatus(string Name, string Main, string Reserve, string State, TransmitterSide OnAir,
    string? MainFault, string? ReserveFault, TransmitterChangeover? LastChangeover, string? Held, long Changeovers);
