using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Playout.TestSupport;

namespace Playout.Server.Tests.Service;

/// <summary>
/// A scheduled SCTE-35 break in the service reaches every output set to carry it: the HLS playlists list it as a date
/// range, and the ST 2110-40 flow carries it as an SCTE 104 message ahead of the break (the outputs the channel isolates on
/// a thread of their own included).
/// </summary>
[Trait(RealTime.Trait, RealTime.Value)]
public class ScheduledBreakOutputsTests
{
    [Fact]
    public async Task A_scheduled_break_reaches_the_hls_playlists_and_the_ancillary_flow()
    {
        using var folder = new TempDirectory();
        BreakRotation.Write(folder, "320x180", 2, eventId: 77, breakSeconds: 2, segmentation: "{ type: breakStart, upidType: 0x0C, upid: \"0x0A0B\" }");
        using var ancillary = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 10_000 };
        ancillary.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int http = FreePorts.Tcp();
        string config = folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            {
              "http": "127.0.0.1:{{http}}",
              "media": "media",
              "state": "state",
              "logs": "logs",
              "channels": [{
                "name": "tv", "format": "720p50", "clock": "system",
                "automation": { "template": "day.yaml", "timeZone": "UTC", "dayStart": "00:00" },
                "outputs": [
                  { "type": "hls", "folder": "state/hls", "segmentSeconds": 1, "preset": "ultrafast", "scte35": true,
                    "renditions": [ { "height": 180, "videoBitrate": 300000 } ] },
                  { "type": "st2110-anc", "destination": "{{ancillary.LocalEndPoint}}", "scte35": true } ]
              }]
            }
            """));
        using var service = ServiceProcess.Start(config, $"127.0.0.1:{http}");
        try
        {
            await service.WaitUntilServing();
            using var client = service.Client();
            byte[]? message = null;
            var buffer = new byte[1500];
            for (var deadline = DateTime.UtcNow.AddSeconds(40); message is null && DateTime.UtcNow < deadline;)
            {
                int length = ancillary.Receive(buffer);
                message = Rfc8331Reader.Packets(buffer.AsSpan(0, length)).FirstOrDefault(p => (p.Did, p.Sdid) == (0x41, 0x07))?.Data;
            }
            Assert.True(message is not null, "no SCTE 104 message in the ancillary flow");
            // splice_request_data: start normal, event 77, a 2 s break with auto return, the automation's 4 s pre-roll.
            var request = message.AsSpan(1 + 16);
            Assert.Equal((1, 77u, 20, 1), (request[0], BinaryPrimitives.ReadUInt32BigEndian(request[1..]), (int)BinaryPrimitives.ReadUInt16BigEndian(request[9..]), (int)request[13]));
            Assert.InRange(BinaryPrimitives.ReadUInt16BigEndian(request[7..]), 1, 4000);
            // The schedule's segmentation follows as an insert_segmentation_descriptor_request_data: event 77 (the cue's), 2 s
            // (the cue's), the UPID, break start.
            Assert.Equal(2, message[1 + 11]);
            var segmentation = request[14..];
            Assert.Equal(0x010B, BinaryPrimitives.ReadUInt16BigEndian(segmentation));
            Assert.Equal([0, 0, 0, 77, 0, 0, 2, 0x0C, 2, 0x0A, 0x0B, 0x22], segmentation[4..16].ToArray());

            // The title comes when the automation notes the take, which may be after the break was cued: both are waited for.
            string playlist = "";
            bool Listed(string text) => text.Contains("ID=\"splice-77\"", StringComparison.Ordinal) && text.Contains("CLASS=\"org.playout.now-playing\"", StringComparison.Ordinal);
            for (var deadline = DateTime.UtcNow.AddSeconds(30); !Listed(playlist) && DateTime.UtcNow < deadline; await Task.Delay(250))
                playlist = await client.GetAsync("/api/channels/1/hls/180p/index.m3u8") is { IsSuccessStatusCode: true } found ? await found.Content.ReadAsStringAsync() : "";
            Assert.Contains("ID=\"splice-77\"", playlist);
            Assert.Contains("PLANNED-DURATION=2.000,SCTE35-OUT=0xFC", playlist);
            // The section carries the segmentation_descriptor: "CUEI", event 77.
            Assert.Contains("435545490000004D", playlist[playlist.IndexOf("SCTE35-OUT=", StringComparison.Ordinal)..], StringComparison.OrdinalIgnoreCase);
            Assert.Contains("CLASS=\"org.playout.now-playing\"", playlist);
        }
        finally
        {
            int code = service.Stop();
            Assert.True(code == 0, await service.Errors);
        }
    }
}
