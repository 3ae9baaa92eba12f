using System.Text;
using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Hosting;

/// <summary>A device's settings are read as the configuration loads: a relative profile path from the configuration file's folder, a wrong one named with its line.</summary>
public class DeviceConfigTests
{
    [Fact]
    public void A_relative_profile_is_read_from_the_configuration_files_folder_and_a_missing_one_is_named()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("profiles"));
        File.Copy(Path.Combine(Repository.Root, "configs", "devices", "transmitter-generic.json"), folder.File("profiles/tx.json"));
        string Config(string profile) => folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "state": "state",
              "devices": [
                { "name": "tx-main", "driver": "snmp-transmitter", "settings": { "address": "127.0.0.1:16100", "profile": "{{profile}}" } }
              ],
              "channels": [{ "name": "c1", "format": "576i50", "clock": "system", "outputs": [] }]
            }
            """));

        // Loaded from another working directory: the path is the configuration's, not the process's.
        var loaded = ServiceConfig.Load(Config("profiles/tx.json"));
        Assert.Equal("profiles/tx.json", loaded.Devices[0].Settings["profile"]);

        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(Config("profiles/none.json")));
        Assert.StartsWith($"{folder.File("service.json")}, line 4: devices[0].settings: profile: ", error.Message);
        Assert.Contains("none.json", error.Message);
    }

    [Fact]
    public void A_now_playing_device_needs_a_channel_and_a_text_command_and_the_rds_profile_has_one()
    {
        using var folder = new TempDirectory();
        string Config(string device) => folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "state": "state",
              "devices": [ {{device}} ],
              "channels": [{ "name": "radio", "format": "radio", "clock": "system", "outputs": [] }]
            }
            """));
        string rds = Repository.File("configs/devices/rds-encoder.json");

        var loaded = ServiceConfig.Load(Config($$"""{ "name": "rds", "driver": "serial-ascii", "nowPlaying": 1, "settings": { "port": "/dev/ttyUSB0", "profile": "{{rds}}" } }"""));
        Assert.Equal(1, loaded.Devices[0].NowPlaying);
        var noChannel = Assert.Throws<ConfigException>(() => ServiceConfig.Load(Config("""{ "name": "rds", "driver": "log", "nowPlaying": 2 }""")));
        Assert.Contains("line 3: devices[0].nowPlaying: there is no channel 2 (channels are 1..1)", noChannel.Message);
        var noText = Assert.Throws<ConfigException>(() => ServiceConfig.Load(Config("""{ "name": "router", "driver": "videohub", "nowPlaying": 1, "settings": { "address": "127.0.0.1" } }""")));
        Assert.Contains("devices[0].nowPlaying: the videohub driver has no 'text' command taking one text parameter for the now-playing text", noText.Message);
    }
}
