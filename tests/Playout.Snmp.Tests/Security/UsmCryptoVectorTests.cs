using Playout.Snmp.Security;

namespace Playout.Snmp.Tests.Security;

/// <summary>Published vectors for the USM key derivation, MACs and AES-CFB.</summary>
public class UsmCryptoVectorTests
{
    // RFC 3414 A.3: password "maplesyrup", snmpEngineID 00 00 00 00 00 00 00 00 00 00 00 02.
    private static readonly byte[] RfcEngine = Convert.FromHexString("000000000000000000000002");

    [Fact]
    public void Sha1_password_to_key_and_localisation_match_rfc3414_a32()
    {
        var ku = UsmKeys.PasswordToKey(UsmAuthProtocol.Sha1, "maplesyrup");
        Assert.Equal("9fb5cc0381497b3793528939ff788d5d79145211", Convert.ToHexStringLower(ku));
        var kul = UsmKeys.Localize(UsmAuthProtocol.Sha1, ku, RfcEngine);
        Assert.Equal("6695febc9288e36282235fc7151f128497b38f3f", Convert.ToHexStringLower(kul));
    }

    [Fact]
    public void Sha256_password_to_key_and_localisation_match_independent_implementations()
    {
        // RFC 7860 publishes no vectors; these are the RFC 3414 inputs run through SHA-256 as pysnmp and the
        // IMEdge/PHP SNMP library compute them (net-snmp agreeing is proven by the snmpget -a SHA-256 test).
        var ku = UsmKeys.PasswordToKey(UsmAuthProtocol.Sha256, "maplesyrup");
        Assert.Equal("ab51014d1e077f6017df2b12bee5f5aa72993177e9bb569c4dff5a4ca0b4afac", Convert.ToHexStringLower(ku));
        var kul = UsmKeys.Localize(UsmAuthProtocol.Sha256, ku, RfcEngine);
        Assert.Equal("8982e0e549e866db361a6b625d84cccc11162d453ee8ce3a6445c2d6776f0f8b", Convert.ToHexStringLower(kul));
    }

    [Fact]
    public void Localisation_depends_on_the_engine()
    {
        var ku = UsmKeys.PasswordToKey(UsmAuthProtocol.Sha1, "maplesyrup");
        var other = Convert.FromHexString("000000000000000000000003");
        Assert.NotEqual(UsmKeys.Localize(UsmAuthProtocol.Sha1, ku, RfcEngine), UsmKeys.Localize(UsmAuthProtocol.Sha1, ku, other));
    }

    [Fact]
    public void Empty_password_is_refused_with_a_clear_error()
    {
        var error = Assert.Throws<ArgumentException>(() => UsmKeys.PasswordToKey(UsmAuthProtocol.Sha1, ""));
        Assert.Contains("must not be empty", error.Message);
    }

    [Theory]
    // RFC 2202 test case 2 (HMAC-SHA-1, key "Jefe"), truncated to HMAC-SHA-96's 12 bytes.
    [InlineData("SHA", "effcdf6ae5eb2fa2d27416d5")]
    // RFC 4231 test case 2 (HMAC-SHA-256, key "Jefe"), truncated to usmHMAC192SHA256's 24 bytes.
    [InlineData("SHA-256", "5bdcc146bf60754e6a042426089575c75a003f089d273983")]
    public void Macs_are_the_truncated_hmacs_of_the_published_cases(string protocol, string expected)
    {
        var auth = UsmAuthProtocol.Parse(protocol)!;
        var mac = new byte[auth.MacLength];
        auth.ComputeMac("Jefe"u8, "what do ya want for nothing?"u8, mac);
        Assert.Equal(expected, Convert.ToHexStringLower(mac));
    }

    [Theory]
    [InlineData("sha1", "SHA")]
    [InlineData("SHA-1", "SHA")]
    [InlineData("sha256", "SHA-256")]
    [InlineData("MD5", null)]
    public void Protocol_names_parse(string name, string? expected) => Assert.Equal(expected, UsmAuthProtocol.Parse(name)?.Name);

    // NIST SP 800-38A F.3.13, CFB128-AES128: the IV 000102..0f read as boots 0x00010203, time 0x04050607, salt 0x08..0f.
    private const string NistKey = "2b7e151628aed2a6abf7158809cf4f3c";
    private const string NistPlain = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";
    private const string NistCipher = "3b3fd92eb72dad20333449f8e83cfb4ac8a64537a0b3a93fcde3cdad9f1ce58b26751f67a3cbb140b1808cf187a4f4dfc04b05357c5d1c0eeac4c66f9ff7f2e6";

    [Theory]
    [InlineData(64)]
    [InlineData(20)] // not a whole block: CFB is a stream, the first 20 bytes are the same
    [InlineData(1)]
    public void Aes_cfb_matches_nist_sp800_38a(int length)
    {
        var key = Convert.FromHexString(NistKey);
        var plain = Convert.FromHexString(NistPlain)[..length];
        var cipher = AesCfbPrivacy.Encrypt(key, 0x00010203, 0x04050607, 0x08090a0b0c0d0e0f, plain);
        Assert.Equal(NistCipher[..(length * 2)], Convert.ToHexStringLower(cipher));
        Assert.Equal(plain, AesCfbPrivacy.Decrypt(key, 0x00010203, 0x04050607, 0x08090a0b0c0d0e0f, cipher));
    }

    [Fact]
    public void Aes_uses_the_first_16_bytes_of_a_longer_localised_key()
    {
        var key32 = Convert.FromHexString(NistKey + "ffffffffffffffffffffffffffffffff");
        var cipher = AesCfbPrivacy.Encrypt(key32, 0x00010203, 0x04050607, 0x08090a0b0c0d0e0f, Convert.FromHexString(NistPlain));
        Assert.Equal(NistCipher, Convert.ToHexStringLower(cipher));
    }
}
