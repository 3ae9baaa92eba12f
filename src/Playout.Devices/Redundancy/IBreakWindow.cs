namespace Playout.Devices.Redundancy;

/// <summary>
/// Whether the programme a transmitter pair carries is inside an SCTE-35 break window now (downstream splicers are
/// inserting): an automatic changeover that is not critical waits for the window's end, so the switch's glitch never
/// lands in a sold avail.
/// </summary>
public interface IBreakWindow
{
    /// <summary>The break on air now, as an operator would name it ("break-1 'Ads'"), or null outside any break.</summary>
    string? Current();
}
