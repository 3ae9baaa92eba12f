namespace Playout.Engine.Clocks.Ptp;

/// <summary>Where a PTP clock learns the host's PTP state (linuxptp, or a test's).</summary>
public interface IPtpSource
{
    /// <summary>The state now; null when no daemon answered.</summary>
    PtpStatus? Query();
}
