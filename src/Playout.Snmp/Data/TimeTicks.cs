using System.Formats.Asn1;

namespace Playout.Snmp.Data;

/// <summary>TimeTicks: hundredths of a second.</summary>
public sealed class TimeTicks(uint value) : UnsignedValue(value)
{
    private protected override Asn1Tag Tag => SnmpTags.TimeTicks;

    /// <summary>The ticks for an elapsed time, wrapping at 2^32 hundredths as the type does.</summary>
    public static TimeTicks From(TimeSpan elapsed) => new((uint)((ulong)Math.Max(0, elapsed.Ticks / TimeSpan.TicksPerMillisecond / 10) & uint.MaxValue));
}
