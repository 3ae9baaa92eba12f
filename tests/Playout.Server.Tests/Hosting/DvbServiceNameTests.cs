using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Alarms;
using Playout.Engine.Modules;
using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Hosting;

/// <summary>
/// A channel's MPEG-TS output names its DVB service as a receiver lists it: the channel's name, by the station, unless the
/// output names them itself; read back by Wireshark's SDT dissector.
/// </summary>
public class DvbServiceNameTests
{
    [Fact]
    public async Task The_sdt_names_the_service_after_the_channel_by_the_station_or_as_the_output_says()
    {
        using var folder = new TempDirectory();
        string path = folder.Write("service.json", Encoding.UTF8.GetBytes("""
            {
              "state": "state",
              "station": { "name": "Đài Hà Nội" },
              "channels": [{ "name": "HN1 FM", "format": "radio", "clock": "system",
                             "outputs": [ { "type": "stream", "url": "station.ts", "audio": "mp2" },
                                          { "type": "stream", "url": "own.ts", "audio": "mp2", "serviceName": "Joy FM", "serviceProvider": "Joy" } ] }]
            }
            """));
        var service = ServiceConfig.Load(path);
        using (ChannelRuntime.Start(service, service.Channels[0], NullLoggerFactory.Instance, new AlarmBoard(NullLogger.Instance), new ModuleRegistry(StandardModules.All)))
            await Task.Delay(1500);

        Assert.Equal("HN1 FM|Đài Hà Nội", Names(service.FilePath("station.ts")));
        Assert.Equal("Joy FM|Joy", Names(service.FilePath("own.ts")));
    }

    /// <summary>The service name and provider of the file's SDTs (all alike).</summary>
    private static string Names(string file) =>
        Assert.Single(ExternalTool.Run("tshark", ["-r", file, "-Y", "dvb_sdt", "-T", "fields", "-E", "separator=|", "-e", "mpeg_descr.svc.svc_name",
            "-e", "mpeg_descr.svc.provider_name"]).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct());
}
