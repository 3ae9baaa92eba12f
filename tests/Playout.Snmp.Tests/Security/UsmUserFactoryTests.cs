using Playout.Snmp.Security;

namespace Playout.Snmp.Tests.Security;

public class UsmUserFactoryTests
{
    private static UsmUser Create(UsmUserOptions options) => UsmUserFactory.Create(options, UsmFixtures.EngineId, UsmFixtures.Views);

    [Fact]
    public void A_user_by_password_gets_keys_localised_to_this_engine_and_its_level()
    {
        var user = Create(UsmFixtures.Sha256Aes);
        Assert.Equal(UsmSecurityLevel.AuthPriv, user.Level);
        var master = UsmKeys.PasswordToKey(UsmAuthProtocol.Sha256, UsmFixtures.AuthPassword);
        Assert.Equal(UsmKeys.Localize(UsmAuthProtocol.Sha256, master, UsmFixtures.EngineId), user.AuthKey);
        Assert.Equal(32, user.PrivKey!.Length); // localised with the auth hash; AES uses its first 16 bytes
        Assert.True(user.CanLocalize);
    }

    [Fact]
    public void A_user_by_localised_keys_works_here_but_cannot_localise_for_another_engine()
    {
        var byPassword = Create(UsmFixtures.Sha1Aes);
        var byKey = Create(UsmFixtures.Sha1Aes with
        {
            AuthPassword = null, AuthKey = Convert.ToHexString(byPassword.AuthKey!),
            PrivPassword = null, PrivKey = Convert.ToHexString(byPassword.PrivKey!.AsSpan(0, 16)),
        });
        Assert.Equal(byPassword.AuthKey, byKey.AuthKey);
        Assert.False(byKey.CanLocalize);
        Assert.Contains("localised keys", Assert.Throws<InvalidOperationException>(() => byKey.KeysFor([1, 2, 3, 4, 5])).Message);
    }

    [Fact]
    public void No_auth_is_only_had_by_saying_so()
    {
        Assert.Contains("auth '' is not SHA", Assert.Throws<FormatException>(() => Create(new UsmUserOptions { Name = "x", Auth = "" })).Message);
        Assert.Equal(UsmSecurityLevel.NoAuthNoPriv, Create(new UsmUserOptions { Name = "x", Auth = "none" }).Level);
    }

    [Theory]
    [InlineData("MD5", null, null, "auth 'MD5' is not SHA, SHA-256 or none")]
    [InlineData("SHA", "DES", null, "priv 'DES' is not AES")]
    [InlineData("SHA", null, "short", "authPassword must have at least 8 characters")]
    [InlineData("SHA", null, "", "give exactly one of authPassword and authKey")]
    public void Bad_settings_name_the_user_and_the_field(string auth, string? priv, string? authPassword, string expected)
    {
        var options = new UsmUserOptions
        {
            Name = "ops", Auth = auth, Priv = priv, AuthPassword = authPassword == "" ? null : authPassword ?? UsmFixtures.AuthPassword,
            PrivPassword = UsmFixtures.PrivPassword,
        };
        var error = Assert.Throws<FormatException>(() => Create(options));
        Assert.Contains("SNMPv3 user 'ops'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void An_unknown_view_is_named_and_no_view_means_no_access()
    {
        var error = Assert.Throws<FormatException>(() => Create(UsmFixtures.Sha1Aes with { WriteView = "everything" }));
        Assert.Contains("SNMPv3 user 'ops' writeView: 'everything' is not a configured view (known: all, mib2, note)", error.Message);
        Assert.False(Create(UsmFixtures.Sha1Aes).Access.CanWrite(UsmTestAgent.SysName));
    }
}
