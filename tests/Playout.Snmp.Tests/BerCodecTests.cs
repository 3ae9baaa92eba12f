using System.Formats.Asn1;
using Playout.Snmp.Data;
using Playout.Snmp.Messages;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Tests;

public class BerCodecTests
{
    private static byte[] Encode(SnmpValue value)
    {
        var writer = new AsnWriter(AsnEncodingRules.BER);
        value.Write(writer);
        return writer.Encode();
    }

    private static SnmpValue Decode(byte[] bytes)
    {
        var reader = new AsnReader(bytes, AsnEncodingRules.BER);
        var value = SnmpValueCodec.Read(reader);
        reader.ThrowIfNotEmpty();
        return value;
    }

    [Theory]
    [InlineData(0, "020100")]
    [InlineData(-1, "0201FF")]
    [InlineData(-128, "020180")]
    [InlineData(-129, "0202FF7F")]
    [InlineData(-231, "0202FF19")]
    [InlineData(int.MinValue, "020480000000")]
    [InlineData(int.MaxValue, "02047FFFFFFF")]
    public void Integers_take_their_shortest_twos_complement_form(int value, string hex)
    {
        Assert.Equal(hex, Convert.ToHexString(Encode(new Integer32(value))));
        Assert.Equal(new Integer32(value), Decode(Convert.FromHexString(hex)));
    }

    [Fact]
    public void Unsigned_types_carry_their_application_tags_and_a_leading_zero_at_their_maximum()
    {
        Assert.Equal("410500FFFFFFFF", Convert.ToHexString(Encode(new Counter32(uint.MaxValue))));
        Assert.Equal("420100", Convert.ToHexString(Encode(new Gauge32(0))));
        Assert.Equal("43020080", Convert.ToHexString(Encode(new TimeTicks(128))));
        Assert.Equal("460900FFFFFFFFFFFFFFFF", Convert.ToHexString(Encode(new Counter64(ulong.MaxValue))));
        Assert.Equal(new Counter64(ulong.MaxValue), Decode(Convert.FromHexString("460900FFFFFFFFFFFFFFFF")));
        Assert.Equal(new Counter32(uint.MaxValue), Decode(Convert.FromHexString("410500FFFFFFFF")));
    }

    [Theory]
    [InlineData("4609010000000000000000")] // Counter64 of 2^64
    [InlineData("41050100000000")] // Counter32 of 2^32
    [InlineData("4101FF")] // negative Counter32
    [InlineData("02050100000000")] // INTEGER of 2^32
    public void Values_out_of_their_types_range_are_refused(string hex) =>
        Assert.Throws<SnmpDecodeException>(() => Decode(Convert.FromHexString(hex)));

    [Fact]
    public void Oids_with_sub_identifiers_beyond_2_to_the_28_use_five_octets_and_stop_at_2_to_the_32()
    {
        var oid = Oid.Parse("1.3.6.1.4.1.4294967295.268435456");
        var bytes = Encode(new ObjectIdentifier(oid));
        Assert.Equal("060F2B060104018FFFFFFF7F8180808000", Convert.ToHexString(bytes));
        Assert.Equal(new ObjectIdentifier(oid), Decode(bytes));
        // 1.3.6.1.4294967296: 2^32 does not fit an SNMP sub-identifier.
        Assert.Throws<SnmpDecodeException>(() => Decode(Convert.FromHexString("06082B06019080808000")));
    }

    [Theory]
    [InlineData("06032B8001", "not minimally encoded")] // 1.3.<0x80 0x01>: a leading zero group
    [InlineData("0600", "no content")]
    [InlineData("06022B86", "ends inside a sub-identifier")]
    public void Malformed_oid_encodings_are_refused(string hex, string reason)
    {
        var error = Assert.Throws<SnmpDecodeException>(() => Decode(Convert.FromHexString(hex)));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Oids_of_more_than_128_sub_identifiers_are_refused_and_128_are_read()
    {
        byte[] Oid(int arcs) => [0x06, 0x81, (byte)(arcs - 1), 0x2B, .. Enumerable.Repeat((byte)1, arcs - 2)];
        Assert.Equal(128, ((ObjectIdentifier)Decode(Oid(128))).Value.Length);
        Assert.Throws<SnmpDecodeException>(() => Decode(Oid(129)));
    }

    [Fact]
    public void The_oid_codec_agrees_with_the_frameworks_for_random_oids()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var first = (uint)random.Next(3);
            uint[] arcs = [first, first < 2 ? (uint)random.Next(40) : (uint)random.NextInt64(uint.MaxValue + 1L),
                .. Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next(3) == 0 ? (uint)random.NextInt64(uint.MaxValue + 1L) : (uint)random.Next(300))];
            var oid = new Oid(arcs);
            var framework = new AsnWriter(AsnEncodingRules.BER);
            framework.WriteObjectIdentifier(oid.ToString());
            var ours = Encode(new ObjectIdentifier(oid));
            Assert.Equal(framework.Encode(), ours);
            Assert.Equal(oid, ((ObjectIdentifier)Decode(ours)).Value);
        }
    }

    [Fact]
    public void Long_form_lengths_are_written_past_127_octets_and_read_even_where_short_form_would_do()
    {
        var text = new string('x', 300);
        var bytes = Encode(new OctetString(text));
        Assert.Equal("0482012C", Convert.ToHexString(bytes[..4]));
        Assert.Equal(text, ((OctetString)Decode(bytes)).Text);
        // BER (not DER) lets a sender spell a length of 2 in long form.
        Assert.Equal("hi", ((OctetString)Decode(Convert.FromHexString("0481026869"))).Text);
    }

    [Fact]
    public void The_exceptions_and_ip_address_use_their_context_and_application_tags()
    {
        Assert.Equal("8000", Convert.ToHexString(Encode(Null.NoSuchObject)));
        Assert.Equal("8100", Convert.ToHexString(Encode(Null.NoSuchInstance)));
        Assert.Equal("8200", Convert.ToHexString(Encode(Null.EndOfMibView)));
        Assert.Same(Null.EndOfMibView, Decode([0x82, 0x00]));
        Assert.Equal("40047F000001", Convert.ToHexString(Encode(new IpAddress([127, 0, 0, 1]))));
        Assert.Throws<SnmpDecodeException>(() => Decode(Convert.FromHexString("40037F0000")));
        Assert.Equal(new Opaque([0x9F, 0x78, 0x04]), Decode(Convert.FromHexString("44039F7804")));
    }

    [Fact]
    public void A_huge_declared_length_is_refused_without_allocating_it()
    {
        // An OCTET STRING claiming 2^31 - 1 octets in a 9-octet datagram.
        Assert.ThrowsAny<AsnContentException>(() => Decode(Convert.FromHexString("04847FFFFFFF6869")));
    }

    [Fact]
    public void A_get_request_round_trips_through_the_message_codec()
    {
        var request = Pdu.Request(PduType.GetBulk, -5, new VarBind(Oid.Parse("1.3.6.1.2.1.1")));
        var bulk = Pdu.Bulk(123456, 1, 25, new VarBind(Oid.Parse("1.3.6")), new VarBind(Oid.Parse("1.3.6.1.2.1.1.5.0"), new OctetString("x")));
        foreach (var pdu in new[] { request, bulk })
        {
            var decoded = CommunityMessage.Decode(new CommunityMessage(SnmpVersion.V2c, "public"u8.ToArray(), pdu).Encode());
            Assert.Equal("public", System.Text.Encoding.UTF8.GetString(decoded.Community));
            Assert.Equal(pdu.Type, decoded.Pdu.Type);
            Assert.Equal(pdu.RequestId, decoded.Pdu.RequestId);
            Assert.Equal(pdu.NonRepeaters, decoded.Pdu.NonRepeaters);
            Assert.Equal(pdu.MaxRepetitions, decoded.Pdu.MaxRepetitions);
            Assert.Equal(pdu.VarBinds, decoded.Pdu.VarBinds);
        }
    }

    [Theory]
    [InlineData("1.3.6.1", "1.3.6.1.0", -1)]
    [InlineData("1.3.6.2", "1.3.6.1.9", 1)]
    [InlineData(".1.3.6", "1.3.6", 0)]
    [InlineData("1.3.6.4294967295", "1.3.6.1", 1)]
    public void Oids_order_lexicographically_with_a_prefix_first(string a, string b, int order)
    {
        Assert.Equal(order, Math.Sign(Oid.Parse(a).CompareTo(Oid.Parse(b))));
        Assert.Equal(Oid.Parse(a).ToString(), a.TrimStart('.'));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("1.3.x", "sub-identifier 3 ('x')")]
    [InlineData("1.3.4294967296", "sub-identifier 3 ('4294967296')")]
    [InlineData("1..3", "sub-identifier 2 ('')")]
    public void Bad_oid_text_is_refused_naming_the_sub_identifier(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => Oid.Parse(text));
        Assert.Contains(message, error.Message);
    }
}
