using System.Buffers.Binary;
using Playout.Snmp.Data;

namespace Playout.Snmp.PlayoutMib;

/// <summary>How PLAYOUT-MIB's textual conventions put service values on the wire.</summary>
public static class PlayoutMibValues
{
    /// <summary>PlayoutTenths's "nothing measured yet".</summary>
    public const int NotMeasured = -32768;

    /// <summary>PlayoutTenths: -23.1 → -231 (DISPLAY-HINT "d-1"), clamped to the type's range.</summary>
    public static Integer32 Tenths(double? value) =>
        new(value is { } v && double.IsFinite(v) ? (int)Math.Clamp(Math.Round(v * 10, MidpointRounding.AwayFromZero), -32767, 32767) : NotMeasured);

    /// <summary>SNMPv2-TC DateAndTime, 11 octets, in UTC.</summary>
    public static OctetString DateAndTime(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        Span<byte> octets = stackalloc byte[11];
        BinaryPrimitives.WriteUInt16BigEndian(octets, (ushort)utc.Year);
        octets[2] = (byte)utc.Month;
        octets[3] = (byte)utc.Day;
        octets[4] = (byte)utc.Hour;
        octets[5] = (byte)utc.Minute;
        octets[6] = (byte)utc.Second;
        octets[7] = (byte)(utc.Millisecond / 100);
        octets[8] = (byte)'+';
        return new OctetString(octets);
    }

    /// <summary>SNMPv2-TC TruthValue.</summary>
    public static Integer32 Truth(bool value) => new(value ? 1 : 2);

    public static Integer32 Enum<T>(T value) where T : struct, Enum => new(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));

    public static Counter64 Count(ulong value) => new(value);
}
