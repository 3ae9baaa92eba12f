using Playout.Snmp.Security;

namespace Playout.Snmp.Tests.Security;

/// <summary>Users and views the USM tests share: one per protocol combination, and one whose view hides the enterprise subtree.</summary>
internal static class UsmFixtures
{
    public const string AuthPassword = "auth-secret-1";
    public const string PrivPassword = "priv-secret-2";

    public static readonly byte[] EngineId = SnmpEngineId.Create(SnmpEngineId.DefaultEnterprise, Convert.FromHexString("0102030405060708090a0b0c"));

    public static readonly Dictionary<string, SnmpView> Views = new()
    {
        ["all"] = SnmpViewParser.Parse("all", ["include 1.3.6.1"]),
        ["mib2"] = SnmpViewParser.Parse("mib2", ["include 1.3.6.1", "exclude 1.3.6.1.4.1.32473"]),
        ["note"] = SnmpViewParser.Parse("note", ["include 1.3.6.1.4.1.32473.1.2"]),
    };

    public static UsmUserOptions Sha1Aes => new()
    {
        Name = "ops", Auth = "SHA", AuthPassword = AuthPassword, Priv = "AES", PrivPassword = PrivPassword, ReadView = "all",
    };

    public static UsmUserOptions Sha256Aes => Sha1Aes with { Name = "ops256", Auth = "SHA-256", WriteView = "note" };

    public static UsmUserOptions Sha1AuthOnly => new() { Name = "watch", Auth = "SHA", AuthPassword = AuthPassword, ReadView = "mib2" };

    public static UsmUser[] Users(byte[] engineId) =>
        [.. new[] { Sha1Aes, Sha256Aes, Sha1AuthOnly }.Select(o => UsmUserFactory.Create(o, engineId, Views))];

    public static PersistentEngine Engine(int boots = 7, TimeProvider? time = null) => new(EngineId, boots, 1500, time);

    public static UsmSecurityModel Model(int boots = 7, TimeProvider? time = null) => new(Engine(boots, time), Users(EngineId));
}
