namespace Playout.Engine.Tests;

/// <summary>Timed ID3 read from a transport stream by hand (FFmpeg's demuxer takes five bytes off each such payload).</summary>
internal static class TimedId3
{
    /// <summary>The payload of each PES packet (private_stream_1, the whole tag in one) on <paramref name="pid"/> of a transport stream.</summary>
    public static List<byte[]> Payloads(byte[] ts, int pid)
    {
        var packets = new List<List<byte>>();
        for (int at = 0; at + 188 <= ts.Length; at += 188)
        {
            if (ts[at] != 0x47 || ((ts[at + 1] & 0x1F) << 8 | ts[at + 2]) != pid || (ts[at + 3] & 0x10) == 0)
                continue;
            int payload = at + 4 + ((ts[at + 3] & 0x20) != 0 ? 1 + ts[at + 4] : 0);
            if ((ts[at + 1] & 0x40) != 0)
                packets.Add([]);
            packets[^1].AddRange(ts.AsSpan(payload, at + 188 - payload).ToArray());
        }
        return [.. packets.Select(p =>
        {
            Assert.Equal(new byte[] { 0, 0, 1, 0xBD }, p.Take(4));
            int end = 6 + (p[4] << 8 | p[5]);
            return p.Skip(9 + p[8]).Take(end - 9 - p[8]).ToArray();
        })];
    }

    /// <summary>The TIT2 text of an ID3v2.4 tag, read from ID3's layout (syncsafe sizes, UTF-8 text).</summary>
    public static string Title(byte[] tag)
    {
        Assert.Equal("ID3"u8.ToArray(), tag[..3]);
        Assert.Equal(4, tag[3]);
        Assert.Equal(tag.Length - 10, Syncsafe(tag.AsSpan(6)));
        Assert.Equal("TIT2"u8.ToArray(), tag[10..14]);
        int length = Syncsafe(tag.AsSpan(14));
        Assert.Equal(3, tag[20]);
        Assert.Equal(tag.Length - 20, length);
        return System.Text.Encoding.UTF8.GetString(tag, 21, length - 1);
    }

    private static int Syncsafe(ReadOnlySpan<byte> bytes) => bytes[0] << 21 | bytes[1] << 14 | bytes[2] << 7 | bytes[3];

    /// <summary>The PID of the metadata stream (stream_type 0x15) the first PMT of <paramref name="ts"/> lists, or -1.</summary>
    public static int Pid(byte[] ts)
    {
        int pmt = -1;
        for (int at = 0; at + 188 <= ts.Length; at += 188)
        {
            int pid = (ts[at + 1] & 0x1F) << 8 | ts[at + 2];
            if ((ts[at + 1] & 0x40) == 0 || (ts[at + 3] & 0x10) == 0)
                continue;
            int s = at + 4 + ((ts[at + 3] & 0x20) != 0 ? 1 + ts[at + 4] : 0);
            s += 1 + ts[s]; // pointer_field
            if (pid == 0 && ts[s] == 0x00)
                pmt = (ts[s + 10] & 0x1F) << 8 | ts[s + 11];
            else if (pid == pmt && ts[s] == 0x02)
            {
                int length = 3 + ((ts[s + 1] & 0x0F) << 8 | ts[s + 2]), info = (ts[s + 10] & 0x0F) << 8 | ts[s + 11];
                for (int e = s + 12 + info; e + 5 <= s + length - 4; e += 5 + ((ts[e + 3] & 0x0F) << 8 | ts[e + 4]))
                    if (ts[e] == 0x15)
                        return (ts[e + 1] & 0x1F) << 8 | ts[e + 2];
            }
        }
        return -1;
    }
}
