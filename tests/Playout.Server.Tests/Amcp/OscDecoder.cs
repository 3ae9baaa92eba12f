using System.Buffers.Binary;
using System.Text;

namespace Playout.Server.Tests.Amcp;

/// <summary>Reads OSC 1.0 packets (bundles, nested or not, and messages) into address and arguments, independently of the encoder.</summary>
public static class OscDecoder
{
    public static List<(string Address, object[] Arguments)> Messages(byte[] packet)
    {
        var messages = new List<(string, object[])>();
        Read(packet, messages);
        return messages;
    }

    private static void Read(ReadOnlySpan<byte> packet, List<(string, object[])> messages)
    {
        int at = 0;
        string first = String(packet, ref at);
        if (first == "#bundle")
        {
            at += 8;
            while (at < packet.Length)
            {
                int size = BinaryPrimitives.ReadInt32BigEndian(packet[at..]);
                Read(packet.Slice(at + 4, size), messages);
                at += 4 + size;
            }
            return;
        }
        string tags = String(packet, ref at);
        var arguments = new List<object>();
        foreach (char tag in tags[1..])
        {
            switch (tag)
            {
                case 'i': arguments.Add(BinaryPrimitives.ReadInt32BigEndian(packet[at..])); at += 4; break;
                case 'f': arguments.Add(BinaryPrimitives.ReadSingleBigEndian(packet[at..])); at += 4; break;
                case 's': arguments.Add(String(packet, ref at)); break;
                case 'T': arguments.Add(true); break;
                case 'F': arguments.Add(false); break;
                default: throw new InvalidDataException($"unknown OSC type tag '{tag}' in {first}");
            }
        }
        messages.Add((first, [.. arguments]));
    }

    private static string String(ReadOnlySpan<byte> packet, ref int at)
    {
        int end = packet[at..].IndexOf((byte)0);
        string text = Encoding.UTF8.GetString(packet.Slice(at, end));
        at += (end / 4 + 1) * 4;
        return text;
    }
}
