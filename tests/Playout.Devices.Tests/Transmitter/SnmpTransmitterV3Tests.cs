using Playout.Snmp.Security;
using static Playout.Devices.Tests.Transmitter.TwinRig;

namespace Playout.Devices.Tests.Transmitter;

/// <summary>The snmp-transmitter driver over SNMPv3 authPriv against the twin serving a v3 user; a wrong key loses the link, saying why.</summary>
public class SnmpTransmitterV3Tests
{
    private static readonly UsmUserOptions Noc = new()
    {
        Name = "noc", Auth = "SHA-256", AuthPassword = "auth-secret-1", Priv = "AES", PrivPassword = "priv-secret-2",
    };

    private static Action<Dictionary<string, string>> V3(string authKey = "auth-secret-1", string privKey = "priv-secret-2") => settings =>
    {
        settings.Remove("community");
        settings.Remove("writeCommunity");
        settings["version"] = "3";
        settings["user"] = "noc";
        settings["securityLevel"] = "authPriv";
        settings["authProtocol"] = "SHA-256";
        settings["authKey"] = authKey;
        settings["privProtocol"] = "AES";
        settings["privKey"] = privKey;
    };

    [Fact]
    public async Task Polls_and_commands_over_v3_authPriv()
    {
        await using var rig = TwinRig.Start(user: Noc);
        var tx = rig.Open("tx", adjust: V3());
        await Until(() => tx.Status().Connection == ConnectionState.Connected && Setting(tx, "rf")?.Actual == "off", "connected over v3, RF off");
        Assert.Equal("Playout transmitter twin 1 kW", tx.Status().Identity);

        await Send(tx, "power", ("percent", "55"));
        await Send(tx, "rf", ("state", "on"));
        Assert.Equal((55, true), (rig.Twin.State.PowerPercent, rig.Twin.State.RfOn));
        await Until(() => Measured(tx, "forwardPower") == 550, "550 W read over v3");
    }

    [Theory]
    [InlineData("wrong-auth-key", "priv-secret-2", "authentication failure (usmStatsWrongDigests)")]
    [InlineData("auth-secret-1", "wrong-priv-key", "decryption error (usmStatsDecryptionErrors)")]
    public async Task A_wrong_key_loses_the_link_with_the_agents_reason(string authKey, string privKey, string reason)
    {
        await using var rig = TwinRig.Start(user: Noc);
        // The agent's refusal is the reason, not a timeout: a try waits long enough for the report on a loaded machine.
        var tx = rig.Open("tx", adjust: settings =>
        {
            V3(authKey, privKey)(settings);
            settings["timeoutMs"] = "2000";
        });
        await Until(() => tx.Status().Connection == ConnectionState.Lost, "link lost");
        Assert.Contains($"as SNMPv3 user 'noc': {reason}", tx.Status().Error);
        Assert.True(rig.Alarms.IsActive("device tx/connection"));
    }
}
