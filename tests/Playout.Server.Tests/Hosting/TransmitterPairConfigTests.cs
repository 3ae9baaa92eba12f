using System.Text;
using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Hosting;

/// <summary>A transmitter pair names two different snmp-transmitter devices and seconds in range, or the load names each problem with its line.</summary>
public class TransmitterPairConfigTests
{
    private static string Config(TempDirectory folder, string pairs) => folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
        {
          "state": "state",
          "devices": [
            { "name": "tx-a", "driver": "snmp-transmitter", "settings": { "address": "127.0.0.1:16100", "profile": "{{Repository.File("configs/devices/transmitter-generic.json")}}" } },
            { "name": "tx-b", "driver": "snmp-transmitter", "settings": { "address": "127.0.0.1:16101", "profile": "{{Repository.File("configs/devices/transmitter-generic.json")}}" } },
            { "name": "gpi", "driver": "log" }
          ],
          "transmitterPairs": {{pairs}},
          "channels": [{ "name": "c1", "format": "576i50", "clock": "system", "outputs": [] }]
        }
        """));

    [Fact]
    public void A_good_pair_loads_with_its_policy_and_defaults()
    {
        using var folder = new TempDirectory();
        var pair = ServiceConfig.Load(Config(folder, """[{ "name": "site", "main": "tx-a", "reserve": "tx-b", "restore": true, "restoreSeconds": 30 }]""")).TransmitterPairs.Single();
        var policy = pair.Policy;
        Assert.Equal((2.0, 5.0, true, 30.0), (policy.HoldOff.TotalSeconds, policy.CommsLoss.TotalSeconds, policy.Restore, policy.RestoreAfter.TotalSeconds));
    }

    [Fact]
    public void Unknown_devices_a_device_that_is_no_transmitter_main_as_reserve_and_seconds_out_of_range_are_named_with_their_line()
    {
        using var folder = new TempDirectory();
        string file = Config(folder, """
            [
                { "name": "one", "main": "tx-9", "reserve": "gpi" },
                { "name": "two", "main": "tx-a", "reserve": "tx-a", "holdOffSeconds": -1, "commsLossSeconds": 0, "restoreSeconds": 99999 }
              ]
            """);
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(file));
        Assert.Contains($"{file}, line 9: transmitterPairs[0].main: no device named 'tx-9' is configured", error.Message);
        Assert.Contains($"{file}, line 9: transmitterPairs[0].reserve: 'gpi' is a log device that takes no rf command with state on|off: a pair switches its transmitters' RF", error.Message);
        Assert.Contains($"{file}, line 10: transmitterPairs[1].reserve: 'tx-a' is also the main transmitter", error.Message);
        Assert.Contains($"{file}, line 10: transmitterPairs[1].holdOffSeconds: -1 is out of range (0 to 3600 s)", error.Message);
        Assert.Contains($"{file}, line 10: transmitterPairs[1].commsLossSeconds: 0 is out of range (0.5 to 3600 s)", error.Message);
        Assert.Contains($"{file}, line 10: transmitterPairs[1].restoreSeconds: 99999 is out of range (1 to 3600 s)", error.Message);
    }

    [Theory]
    [InlineData(2, "there is no channel 2 (channels are 1..1)")]
    [InlineData(-1, "there is no channel -1 (channels are 1..1)")]
    [InlineData(1, "channel 1 is not run from a schedule, so it has no breaks to wait for")]
    public void A_break_window_channel_must_exist_and_run_from_a_schedule(int channel, string problem)
    {
        using var folder = new TempDirectory();
        string file = Config(folder, $$"""[{ "name": "site", "main": "tx-a", "reserve": "tx-b", "channel": {{channel}} }]""");
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(file));
        Assert.Contains($"{file}, line 8: transmitterPairs[0].channel: {problem}", error.Message);
    }

    [Fact]
    public void A_pair_may_not_take_a_devices_name_as_schedules_send_to_either_by_name()
    {
        using var folder = new TempDirectory();
        string file = Config(folder, """[{ "name": "gpi", "main": "tx-a", "reserve": "tx-b" }]""");
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(file));
        Assert.Contains($"{file}, line 8: transmitterPairs[0].name: 'gpi' is also a device's name: schedules send to either by name", error.Message);
    }

    [Fact]
    public void Any_device_that_switches_RF_may_be_in_a_pair_and_one_that_does_not_is_refused()
    {
        using var folder = new TempDirectory();
        string file = folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "state": "state",
              "devices": [
                { "name": "tx-a", "driver": "snmp-transmitter", "settings": { "address": "127.0.0.1:16100", "profile": "{{Repository.File("configs/devices/transmitter-highpower-tables.json")}}" } },
                { "name": "tx-b", "driver": "serial-ascii", "settings": { "port": "/dev/ttyS9", "profile": "{{Repository.File("configs/devices/transmitter-serial.json")}}" } },
                { "name": "enc", "driver": "snmp-encoder", "settings": { "address": "127.0.0.1:16102", "profile": "{{Repository.File("configs/devices/encoder-generic.json")}}" } }
              ],
              "transmitterPairs": [
                { "name": "site", "main": "tx-a", "reserve": "tx-b" },
                { "name": "odd", "main": "tx-a", "reserve": "enc" }
              ],
              "channels": [{ "name": "c1", "format": "576i50", "clock": "system", "outputs": [] }]
            }
            """));
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(file));
        Assert.Equal($"{file}, line 10: transmitterPairs[1].reserve: 'enc' is a snmp-encoder device that takes no rf command with state on|off: a pair switches its transmitters' RF",
            Assert.Single(error.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.Contains("transmitterPairs")));
    }
}
