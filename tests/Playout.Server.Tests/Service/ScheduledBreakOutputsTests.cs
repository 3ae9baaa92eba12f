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
        Directory.CreateDirectory(folder.File("media"));
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-f", "lavfi", "-i", "sine=frequency=440", "-t", "2",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", folder.File("media/clip.mp4"));
        folder.Write("day.yaml", Encoding.UTF8.GetBytes("""
            date: 2026-01-01
            events:
              - id: rotation
                kind: block
                loop: true
                duration: "23:59:00"
                children:
                  - { id: programme, kind: clip, source: clip.mp4, title: "Programme" }
                  - id: advert
                    kind: clip
                    source: clip.mp4
                    title: "Advert"
                    secondaries:
                      - kind: scte35
                        scte35: { eventId: 77, out: true, duration: "00:00:02", autoReturn: true }
            """));
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
                message = Scte104(buffer.AsSpan(0, length));
            }
            Assert.True(message is not null, "no SCTE 104 message in the ancillary flow");
            // splice_request_data: start normal, event 77, a 2 s break with auto return, the automation's 4 s pre-roll.
            var request = message.AsSpan(1 + 16);
            Assert.Equal((1, 77u, 20, 1), (request[0], BinaryPrimitives.ReadUInt32BigEndian(request[1..]), (int)BinaryPrimitives.ReadUInt16BigEndian(request[9..]), (int)request[13]));
            Assert.InRange(BinaryPrimitives.ReadUInt16BigEndian(request[7..]), 1, 4000);

            string playlist = "";
            for (var deadline = DateTime.UtcNow.AddSeconds(30); !playlist.Contains("ID=\"splice-77\"", StringComparison.Ordinal) && DateTime.UtcNow < deadline; await Task.Delay(250))
                playlist = await client.GetAsync("/api/channels/1/hls/180p/index.m3u8") is { IsSuccessStatusCode: true } found ? await found.Content.ReadAsStringAsync() : "";
            Assert.Contains("ID=\"splice-77\"", playlist);
            Assert.Contains("PLANNED-DURATION=2.000,SCTE35-OUT=0xFC", playlist);
            Assert.Contains("CLASS=\"org.playout.now-playing\"", playlist);
        }
        finally
        {
            int code = service.Stop();
            Assert.True(code == 0, await service.Errors);
        }
    }

    /// <summary>The user data of the first DID 0x41 SDID 0x07 packet in an RFC 8331 payload (10-bit words, 8 bits each kept), or null.</summary>
    private static byte[]? Scte104(ReadOnlySpan<byte> packet)
    {
        int count = packet[16], at = 20 * 8;
        for (int p = 0; p < count; p++)
        {
            at += 32;
            uint did = Bits(packet, ref at) & 0xFF, sdid = Bits(packet, ref at) & 0xFF, words = Bits(packet, ref at) & 0xFF;
            var data = new byte[words];
            for (int w = 0; w < words; w++)
                data[w] = (byte)Bits(packet, ref at);
            at += 10;
            at = (at + 31) / 32 * 32;
            if ((did, sdid) == (0x41, 0x07))
                return data;
        }
        return null;
    }

    private static uint Bits(ReadOnlySpan<byte> bytes, ref int at)
    {
        uint value = 0;
        for (int b = 0; b < 10; b++, at++)
            value = value << 1 | (uint)(bytes[at >> 3] >> (7 - (at & 7)) & 1);
        return value;
    }
}
