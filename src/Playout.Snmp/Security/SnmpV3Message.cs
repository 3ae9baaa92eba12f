using System.Formats.Asn1;
using Playout.Snmp.Data;
using Playout.Snmp.Messages;

namespace Playout.Snmp.Security;

/// <summary>
/// An SNMPv3 message (RFC 3412 §6): SEQUENCE { msgVersion 3, msgGlobalData SEQUENCE { msgID, msgMaxSize, msgFlags,
/// msgSecurityModel }, msgSecurityParameters OCTET STRING (the USM SEQUENCE), msgData }, where msgData is a plaintext
/// ScopedPDU SEQUENCE or, with privacy, an encryptedPDU OCTET STRING. <see cref="Data"/> is msgData's whole encoding.
/// </summary>
public sealed record SnmpV3Message(int MsgId, int MaxSize, byte Flags, int SecurityModel, UsmSecurityParameters Usm, ReadOnlyMemory<byte> Data)
{
    public const int UsmSecurityModel = 3;
    public const byte AuthFlag = 0x01;
    public const byte PrivFlag = 0x02;
    public const byte ReportableFlag = 0x04;

    /// <summary>RFC 3412: msgMaxSize is at least 484.</summary>
    public const int MinMaxSize = 484;

    public bool Reportable => (Flags & ReportableFlag) != 0;

    /// <summary>The level msgFlags ask for, or null for the invalid priv-without-auth.</summary>
    public UsmSecurityLevel? Level => (Flags & (AuthFlag | PrivFlag)) switch
    {
        0 => UsmSecurityLevel.NoAuthNoPriv,
        AuthFlag => UsmSecurityLevel.AuthNoPriv,
        AuthFlag | PrivFlag => UsmSecurityLevel.AuthPriv,
        _ => null,
    };

    public static byte FlagsFor(UsmSecurityLevel level, bool reportable) => (byte)(level switch
    {
        UsmSecurityLevel.AuthPriv => AuthFlag | PrivFlag,
        UsmSecurityLevel.AuthNoPriv => AuthFlag,
        _ => 0,
    } | (reportable ? ReportableFlag : 0));

    /// <summary>Decodes a datagram. Throws <see cref="SnmpDecodeException"/> or <see cref="AsnContentException"/> on junk; never anything else.</summary>
    public static SnmpV3Message Decode(ReadOnlyMemory<byte> datagram)
    {
        var reader = new AsnReader(datagram, AsnEncodingRules.BER);
        var message = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        if (!message.TryReadInt32(out var version) || version != (int)SnmpVersion.V3)
            throw new SnmpDecodeException("msgVersion is not 3");

        var global = message.ReadSequence();
        var msgId = ReadNonNegative(global, "msgID");
        var maxSize = ReadNonNegative(global, "msgMaxSize");
        var flags = ReadPrimitiveOctets(global, "msgFlags");
        if (flags.Length != 1)
            throw new SnmpDecodeException($"msgFlags has {flags.Length} bytes, not 1");
        var securityModel = ReadNonNegative(global, "msgSecurityModel");
        global.ThrowIfNotEmpty();

        var securityParameters = ReadPrimitiveOctets(message, "msgSecurityParameters");
        var usm = securityModel == UsmSecurityModel ? DecodeUsm(securityParameters, datagram.Span) : null;

        var data = message.ReadEncodedValue();
        message.ThrowIfNotEmpty();
        return new SnmpV3Message(msgId, maxSize, flags.Span[0], securityModel,
            usm ?? new UsmSecurityParameters([], 0, 0, [], [], []), data);
    }

    private static UsmSecurityParameters DecodeUsm(ReadOnlyMemory<byte> encoded, ReadOnlySpan<byte> datagram)
    {
        var outer = new AsnReader(encoded, AsnEncodingRules.BER);
        var usm = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        var engineId = ReadPrimitiveOctets(usm, "msgAuthoritativeEngineID");
        if (engineId.Length > 32)
            throw new SnmpDecodeException($"msgAuthoritativeEngineID has {engineId.Length} bytes, at most 32");
        var boots = ReadNonNegative(usm, "msgAuthoritativeEngineBoots");
        var time = ReadNonNegative(usm, "msgAuthoritativeEngineTime");
        var user = ReadPrimitiveOctets(usm, "msgUserName");
        if (user.Length > 32)
            throw new SnmpDecodeException($"msgUserName has {user.Length} bytes, at most 32");
        var auth = ReadPrimitiveOctets(usm, "msgAuthenticationParameters");
        var priv = ReadPrimitiveOctets(usm, "msgPrivacyParameters");
        usm.ThrowIfNotEmpty();
        // The contents are slices of the datagram itself (primitive encoding), so their position is known.
        datagram.Overlaps(auth.Span, out var authOffset);
        return new UsmSecurityParameters(engineId.ToArray(), boots, time, user.ToArray(), auth.ToArray(), priv.ToArray(),
            auth.Length == 0 ? -1 : authOffset);
    }

    /// <summary>Encodes the message with msgAuthenticationParameters as given (zeros as the MAC's placeholder).</summary>
    public byte[] Encode()
    {
        var usm = new AsnWriter(AsnEncodingRules.BER);
        using (usm.PushSequence())
        {
            usm.WriteOctetString(Usm.EngineId);
            usm.WriteInteger(Usm.EngineBoots);
            usm.WriteInteger(Usm.EngineTime);
            usm.WriteOctetString(Usm.UserName);
            usm.WriteOctetString(Usm.AuthParameters);
            usm.WriteOctetString(Usm.PrivParameters);
        }

        var writer = new AsnWriter(AsnEncodingRules.BER);
        using (writer.PushSequence())
        {
            writer.WriteInteger((int)SnmpVersion.V3);
            using (writer.PushSequence())
            {
                writer.WriteInteger(MsgId);
                writer.WriteInteger(MaxSize);
                writer.WriteOctetString([Flags]);
                writer.WriteInteger(SecurityModel);
            }
            writer.WriteOctetString(usm.Encode());
            writer.WriteEncodedValue(Data.Span);
        }
        return writer.Encode();
    }

    private static int ReadNonNegative(AsnReader reader, string field) =>
        reader.TryReadInt32(out var value) && value >= 0 ? value : throw new SnmpDecodeException($"{field} is not an integer from 0 to 2147483647");

    private static ReadOnlyMemory<byte> ReadPrimitiveOctets(AsnReader reader, string field) =>
        reader.TryReadPrimitiveOctetString(out var contents) ? contents : throw new SnmpDecodeException($"{field} is not a primitive OCTET STRING");
}
