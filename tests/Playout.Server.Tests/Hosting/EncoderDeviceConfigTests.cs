using System.Text;
using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Hosting;

/// <summary>An snmp-encoder device is configured like an snmp-transmitter one, with the encoder profile; a wrong setting is named under its driver.</summary>
public class EncoderDeviceConfigTests
{
    [Fact]
    public void An_snmp_encoder_device_loads_with_the_encoder_profile_and_a_wrong_setting_names_the_driver()
    {
        using var folder = new TempDirectory();
        string Config(string settings) => folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "state": "state",
              "devices": [
                { "name": "enc-1", "driver": "snmp-encoder", "settings": { "address": "127.0.0.1:16162", {{settings}} } }
              ],
              "channels": [{ "name": "c1", "format": "576i50", "clock": "system", "outputs": [] }]
            }
            """));
        string profile = $"\"profile\": \"{Repository.File("configs/devices/encoder-generic.json")}\"";

        var loaded = ServiceConfig.Load(Config(profile));
        Assert.Equal("snmp-encoder", loaded.Devices[0].Driver);

        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(Config(profile + ", \"colour\": \"red\"")));
        Assert.StartsWith($"{folder.File("service.json")}, line 4: devices[0].settings: colour: not a setting of snmp-encoder", error.Message);
    }
}
