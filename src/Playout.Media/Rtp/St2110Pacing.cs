namespace Playout.Media.Rtp;

/// <summary>
/// The ST 2110-21 sender type a video flow keeps to, as its SDP's <c>TP</c> names it: a wide sender (2110TPW) may leave up to
/// CMAX wide packets (16 at HD) ahead of the read schedule, which software timers hold to; a narrow one (2110TPN) only a few
/// (5 at 1080p50), which the small buffers of hardware receivers need.
/// </summary>
public enum St2110Pacing
{
    Wide,
    Narrow,
}

public static class St2110Pacings
{
    /// <summary>The SDP's <c>TP</c> value.</summary>
    public static string SdpName(this St2110Pacing pacing) => pacing == St2110Pacing.Narrow ? "2110TPN" : "2110TPW";

    /// <summary>What a configured sender type may be, for the error that refuses another.</summary>
    public const string Choices = "an ST 2110-21 sender is \"wide\" or \"narrow\"";

    /// <summary>A configured sender type, "narrow" or "wide"; null for anything else.</summary>
    public static St2110Pacing? Parse(string? value) => value switch
    {
        "wide" => St2110Pacing.Wide,
        "narrow" => St2110Pacing.Narrow,
        _ => null,
    };

    /// <summary>
    /// Packets a burst leaves with, every burst at its first packet's slot on the read schedule: a narrow sender one fewer
    /// than its CMAX, so a burst that left a little sooner than the first burst's timing suggests (a slower first system call)
    /// still fits; a wide sender 16, its CMAX at HD and about 60 µs of a 1080p50 flow.
    /// </summary>
    public static int BurstPackets(this St2110Pacing pacing, St2110TrafficModel model) =>
        pacing == St2110Pacing.Narrow ? Math.Max(1, model.CmaxNarrow - 1) : 16;

    /// <summary>
    /// Packets' time (TRS each) a field's first burst leaves ahead of its read slot, TRO into the period, and the field with
    /// it: a burst that goes a little late (a wake-up, a preemption) still reaches the receiver before its read slot. What
    /// the receiver's buffer holds beyond a burst, at most four bursts: 4 for a narrow sender at 1080p50 (18 µs), 64 for a
    /// wide one (0.3 ms).
    /// </summary>
    public static int LeadPackets(this St2110Pacing pacing, St2110TrafficModel model)
    {
        int burst = pacing.BurstPackets(model), buffer = pacing == St2110Pacing.Narrow ? model.VrxNarrow : model.VrxWide;
        return Math.Clamp(buffer - burst, 0, 4 * burst);
    }
}
