using Microsoft.Extensions.Logging.Abstractions;
using Playout.Devices.Serial;
using Playout.Engine.Alarms;
using static Playout.Devices.Tests.Serial.SerialRig;

namespace Playout.Devices.Tests.Serial;

/// <summary>The serial-ascii driver's settings: each wrong one named; the profile's line rate unless <c>baud</c> overrides it; a broken profile located.</summary>
public class SerialAsciiSettingsTests
{
    [Theory]
    [InlineData("colour", "red", "colour: no such setting of the serial-ascii driver (it takes port, baud, profile, pollMs, timeoutMs, retries)")]
    [InlineData("baud", "fast", "baud: 'fast' is not a whole number from 300 to 921600")]
    [InlineData("pollMs", "5", "pollMs: '5' is not a whole number from 20 to 600000")]
    [InlineData("retries", "11", "retries: '11' is not a whole number from 0 to 10")]
    [InlineData("port", "", "port: missing (the serial device, e.g. /dev/ttyUSB0, or tcp://host:port)")]
    [InlineData("port", "tcp://encoder", "port: 'tcp://encoder' is not tcp://host:port")]
    [InlineData("port", "tcp://encoder:4001/path", "port: 'tcp://encoder:4001/path' is not tcp://host:port")]
    [InlineData("profile", "/nonexistent/p.json", "profile: /nonexistent/p.json: cannot read the profile:")]
    public void A_wrong_setting_is_named(string name, string value, string expected)
    {
        var settings = new Dictionary<string, string> { ["port"] = "/dev/ttyUSB0", ["profile"] = TransmitterSerialProfile, [name] = value };
        var error = Assert.Throws<ArgumentException>(() => SerialAsciiSettings.Parse(settings, Context()));
        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void The_profiles_line_rate_is_the_default_and_baud_overrides_it()
    {
        var settings = new Dictionary<string, string> { ["port"] = "/dev/ttyUSB0", ["profile"] = EncoderProfile };
        Assert.Equal(19200, SerialAsciiSettings.Parse(settings, Context()).Baud);
        settings["baud"] = "115200";
        var parsed = SerialAsciiSettings.Parse(settings, Context());
        Assert.Equal((115200, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 1), (parsed.Baud, parsed.Polling.Poll, parsed.Polling.Timeout, parsed.Polling.Retries));
    }

    [Fact]
    public async Task The_driver_is_known_by_name_and_a_port_that_cannot_be_opened_is_a_lost_link_saying_so()
    {
        Assert.IsType<SerialAsciiDriver>(DeviceDrivers.Find("serial-ascii"));
        using var alarms = new AlarmBoard(NullLogger.Instance);
        await using var device = new SerialAsciiDriver().Open("tx", new Dictionary<string, string> { ["port"] = "/nonexistent/tty", ["profile"] = TransmitterSerialProfile },
            new DeviceContext(alarms, NullLogger.Instance, TimeProvider.System));
        Assert.Equal(["rf", "power", "changeover", "exciter", "output", "reset"], device.Commands!.Select(c => c.Name));
        device.Start();
        await Until(() => device.Status().Connection == ConnectionState.Lost, "lost");
        Assert.StartsWith("cannot open /nonexistent/tty", device.Status().Error);
        Assert.True(alarms.IsActive("device tx/connection"));
    }

    private static DeviceContext Context() => new(new AlarmBoard(NullLogger.Instance), NullLogger.Instance, TimeProvider.System);
}
