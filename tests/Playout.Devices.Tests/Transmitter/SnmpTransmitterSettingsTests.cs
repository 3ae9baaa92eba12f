using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices.Transmitter;
using Playout.Engine.Alarms;
using Playout.TestSupport;

namespace Playout.Devices.Tests.Transmitter;

/// <summary>The driver is known by name and refuses junk settings naming the setting, before anything is opened.</summary>
public class SnmpTransmitterSettingsTests
{
    [Fact]
    public void The_driver_is_registered_as_snmp_transmitter() =>
        Assert.IsType<SnmpTransmitterDriver>(DeviceDrivers.Find("snmp-transmitter"));

    [Theory]
    [InlineData("address", null, "address: missing")]
    [InlineData("address", "127.0.0.1", "address: '127.0.0.1' is not host:port")]
    [InlineData("address", "127.0.0.1:99999", "address: '127.0.0.1:99999' is not host:port")]
    [InlineData("address", "no-such-host.invalid:161", "address: host 'no-such-host.invalid' cannot be resolved")]
    [InlineData("community", "", "community: empty")]
    [InlineData("writeCommunity", "", "writeCommunity: empty")]
    [InlineData("profile", null, "profile: missing")]
    [InlineData("profile", "/nonexistent/tx.json", "profile: /nonexistent/tx.json: cannot read the profile")]
    [InlineData("pollMs", "fast", "pollMs: 'fast' is not a whole number from 20 to 600000")]
    [InlineData("pollMs", "0", "pollMs: '0' is not a whole number")]
    [InlineData("timeoutMs", "-5", "timeoutMs: '-5' is not a whole number")]
    [InlineData("retries", "99", "retries: '99' is not a whole number from 0 to 10")]
    [InlineData("colour", "red", "colour: not a setting of snmp-transmitter")]
    public void Junk_settings_are_refused_naming_the_setting(string name, string? value, string expected)
    {
        var settings = new Dictionary<string, string>
        {
            ["address"] = "127.0.0.1:1161",
            ["profile"] = TransmitterProfileTests.Generic,
        };
        if (value is null) settings.Remove(name);
        else settings[name] = value;
        using var alarms = new AlarmBoard(NullLogger.Instance);
        var error = Assert.Throws<ArgumentException>(() => new SnmpTransmitterDriver().Open("tx", settings, new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System)));
        Assert.StartsWith(expected, error.Message);
    }

    [Theory]
    [InlineData("version", "2", "version: '2' is not 2c or 3")]
    [InlineData("user", null, "user: missing")]
    [InlineData("user", "", "user: '' is not 1 to 32 characters")]
    [InlineData("securityLevel", "noAuthNoPriv", "securityLevel: 'noAuthNoPriv' is not authPriv or authNoPriv")]
    [InlineData("authProtocol", null, "authProtocol: missing (SHA or SHA-256)")]
    [InlineData("authProtocol", "MD5", "authProtocol: 'MD5' is not SHA or SHA-256")]
    [InlineData("authKey", null, "authKey: missing")]
    [InlineData("authKey", "short", "authKey: has 5 characters; at least 8")]
    [InlineData("privProtocol", "DES", "privProtocol: 'DES' is not AES")]
    [InlineData("privKey", null, "privKey: missing")]
    [InlineData("privKey", "1234567", "privKey: has 7 characters; at least 8")]
    [InlineData("community", "public", "community: not used with version 3")]
    [InlineData("writeCommunity", "private", "writeCommunity: not used with version 3")]
    [InlineData("trapListen", "127.0.0.1", "trapListen: '127.0.0.1' is not host:port")]
    [InlineData("trapListen", "0.0.0.0:1162", "trapListen: 0.0.0.0 is not a loopback address")]
    [InlineData("trapCommunity", "", "trapCommunity: empty")]
    public void Junk_snmpv3_and_trap_settings_are_refused_naming_the_setting(string name, string? value, string expected)
    {
        var settings = new Dictionary<string, string>
        {
            ["address"] = "127.0.0.1:1161",
            ["profile"] = TransmitterProfileTests.Generic,
            ["version"] = "3",
            ["user"] = "noc",
            ["authProtocol"] = "SHA-256",
            ["authKey"] = "auth-secret-1",
            ["privKey"] = "priv-secret-2",
        };
        if (value is null) settings.Remove(name);
        else settings[name] = value;
        Assert.StartsWith(expected, Refusal(settings));
    }

    [Theory]
    [InlineData("user")]
    [InlineData("authKey")]
    [InlineData("privProtocol")]
    public void Snmpv3_settings_with_version_2c_are_refused(string name) =>
        Assert.Equal($"{name}: only with version 3", Refusal(new Dictionary<string, string>
        {
            ["address"] = "127.0.0.1:1161", ["profile"] = TransmitterProfileTests.Generic, [name] = "something",
        }));

    [Fact]
    public void Privacy_settings_with_authNoPriv_are_refused() =>
        Assert.Equal("privKey: only with securityLevel authPriv", Refusal(new Dictionary<string, string>
        {
            ["address"] = "127.0.0.1:1161", ["profile"] = TransmitterProfileTests.Generic, ["version"] = "3", ["user"] = "noc",
            ["securityLevel"] = "authNoPriv", ["authProtocol"] = "SHA", ["authKey"] = "auth-secret-1", ["privKey"] = "priv-secret-2",
        }));

    private static string Refusal(Dictionary<string, string> settings)
    {
        using var alarms = new AlarmBoard(NullLogger.Instance);
        return Assert.Throws<ArgumentException>(() => new SnmpTransmitterDriver().Open("tx", settings, new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System))).Message;
    }

    [Fact]
    public void A_broken_profile_is_named_with_its_line()
    {
        using var folder = new TempDirectory();
        string path = folder.Write("tx.json", "{\n \"name\": \"x\",\n \"alarms\": 7\n}"u8.ToArray());
        using var alarms = new AlarmBoard(NullLogger.Instance);
        var error = Assert.Throws<ArgumentException>(() => new SnmpTransmitterDriver().Open("tx",
            new Dictionary<string, string> { ["address"] = "127.0.0.1:1161", ["profile"] = path }, new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System)));
        Assert.StartsWith($"profile: {path}, line 3: alarms: ", error.Message);
    }
}
