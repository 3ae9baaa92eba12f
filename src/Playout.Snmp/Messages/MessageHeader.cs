using System.Formats.Asn1;
using Playout.Snmp.Data;

namespace Playout.Snmp.Messages;

/// <summary>Reads just enough of a message to route it: the outer SEQUENCE and its msgVersion (every SNMP version starts so).</summary>
public static class MessageHeader
{
    /// <summary>The message's version number (any integer; the caller decides which it handles). Throws on junk.</summary>
    public static long PeekVersion(ReadOnlyMemory<byte> datagram)
    {
        var reader = new AsnReader(datagram, AsnEncodingRules.BER);
        var message = reader.ReadSequence();
        return message.TryReadInt64(out var version) ? version : throw new SnmpDecodeException("msgVersion out of range");
    }
}
