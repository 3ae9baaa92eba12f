using System.Text;
using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Hosting;

/// <summary>A serial-ascii device loads with a profile beside the configuration (a relative path); a broken profile is named with its line, under the device's settings.</summary>
public class SerialDeviceConfigTests
{
    [Fact]
    public void A_serial_ascii_device_reads_its_profile_from_the_configurations_folder_and_a_broken_one_says_where()
    {
        using var folder = new TempDirectory();
        string good = File.ReadAllText(Repository.File("configs/devices/transmitter-serial.json"));
        folder.Write("tx.json", Encoding.UTF8.GetBytes(good));
        folder.Write("broken.json", Encoding.UTF8.GetBytes(good.Replace("PWR {percent:000}", "PWR {percent:000", StringComparison.Ordinal)));
        string Config(string profile) => folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "state": "state",
              "devices": [
                { "name": "tx-2", "driver": "serial-ascii", "settings": { "port": "/dev/ttyUSB0", "profile": "{{profile}}" } }
              ],
              "channels": [{ "name": "c1", "format": "576i50", "clock": "system", "outputs": [] }]
            }
            """));

        var loaded = ServiceConfig.Load(Config("tx.json"));
        Assert.Equal("serial-ascii", loaded.Devices[0].Driver);

        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(Config("broken.json")));
        int line = good[..good.IndexOf("PWR {percent:000}", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.StartsWith($"{folder.File("service.json")}, line 4: devices[0].settings: profile: {folder.File("broken.json")}, line {line}: commands[1].template: template 'PWR {{percent:000': '{{' at 5 is not closed",
            error.Message);
    }
}
