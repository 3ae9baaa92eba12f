using Playout.Media.Formats;

namespace Playout.Media.Rtp;

/// <summary>How far a video flow's packets strayed from ST 2110-21's two models, measured over one field or frame.</summary>
/// <param name="Cinst">The most packets the network compatibility bucket held (a packet in, one out every TRS).</param>
/// <param name="Vrx">The most packets the virtual receive buffer held (a packet in, one read every TRS from TRO on).</param>
/// <param name="Late">Packets that arrived after the receiver was due to read them: its buffer ran dry (an underflow).</param>
public readonly record struct St2110Traffic(int Cinst, int Vrx, int Late = 0);

/// <summary>
/// SMPTE ST 2110-21's timing models for one video flow: the gapped packet read schedule (one packet every TRS, from TRO
/// after the field's or frame's start, over its active part), the largest burst a narrow or wide sender may leave in the
/// network compatibility bucket (CMAX) and the virtual receive buffer a receiver of each type holds (VRX_FULL). The
/// constants are the standard's; a field is the unit when interlaced.
/// </summary>
public sealed class St2110TrafficModel
{
    /// <param name="packets">Packets a field (a frame when progressive): NPACKETS.</param>
    public St2110TrafficModel(VideoFormat format, int packets)
    {
        Packets = packets;
        Period = format.IsInterlaced ? format.FrameDuration.ToDouble() / 2 : format.FrameDuration.ToDouble();
        double frame = format.FrameDuration.ToDouble();
        // The share of the period that carries picture lines, and where the first one starts (TRO_DEFAULT), by raster.
        (RActive, double troLines) = format.IsInterlaced
            ? format.Height < 576 ? (487.0 / 525, 20.0 / 525) : format.Height < 1080 ? (576.0 / 625, 26.0 / 625) : (1080.0 / 1125, 22.0 / 1125)
            : format.Height < 1080 ? (720.0 / 750, 28.0 / 750) : (1080.0 / 1125, 43.0 / 1125);
        // TRO_DEFAULT counts lines of the whole frame, for fields too.
        Tro = frame * troLines;
        CmaxNarrow = Math.Max(4, (int)(packets / (43200 * RActive * Period)));
        CmaxWide = Math.Max(16, (int)(packets / (21600 * Period)));
        VrxNarrow = Math.Max(8, (int)Math.Floor(packets / (27000 * Period)));
        VrxWide = Math.Max(720, (int)Math.Floor(packets / (300 * Period)));
    }

    public int Packets { get; }

    /// <summary>TFRAME: seconds of a field (interlaced) or frame.</summary>
    public double Period { get; }

    public double RActive { get; }

    /// <summary>Seconds between packets on the read schedule.</summary>
    public double Trs => Period * RActive / Packets;

    /// <summary>TRO_DEFAULT: seconds from the period's start to the first packet read.</summary>
    public double Tro { get; }

    public int CmaxNarrow { get; }
    public int CmaxWide { get; }
    public int VrxNarrow { get; }
    public int VrxWide { get; }

    /// <summary>
    /// Both models over one period's packets, given their arrival times in seconds from the period's start (the instant its
    /// RTP timestamp names), in sending order.
    /// </summary>
    public St2110Traffic Measure(ReadOnlySpan<double> arrivals)
    {
        int cinst = 0, vrx = 0, late = 0;
        double first = arrivals.Length > 0 ? arrivals[0] : 0;
        for (int j = 0; j < arrivals.Length; j++)
        {
            // The bucket drains one packet every TRS from the first arrival: what is left when packet j arrives.
            long drained = Slots(arrivals[j] - first);
            cinst = Math.Max(cinst, (int)Math.Max(0, j + 1 - drained));
            // The receiver reads packet k at TRO + k·TRS: what is waiting when packet j arrives.
            long read = arrivals[j] < Tro ? 0 : Math.Min(j + 1, Slots(arrivals[j] - Tro) + 1);
            vrx = Math.Max(vrx, (int)(j + 1 - read));
            if (Slots(arrivals[j] - Tro) > j)
                late++;
        }
        return new St2110Traffic(cinst, vrx, late);
    }

    /// <summary>Whole TRS periods in <paramref name="seconds"/>; a time on a slot, to rounding, counts that slot.</summary>
    private long Slots(double seconds) => (long)Math.Floor(seconds / Trs + 1e-6);

    /// <summary>The sender type a measurement fits: "narrow", "wide", or "not compliant".</summary>
    public string Verdict(St2110Traffic traffic) =>
        traffic.Cinst <= CmaxNarrow && traffic.Vrx <= VrxNarrow ? "narrow"
        : traffic.Cinst <= CmaxWide && traffic.Vrx <= VrxWide ? "wide"
        : "not compliant";
}
