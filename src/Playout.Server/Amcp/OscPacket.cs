using System.Buffers.Binary;
using System.Text;

namespace Playout.Server.Amcp;

/// <summary>
/// OSC 1.0 encoding of state entries as CasparCG sends them: bundles (time tag, then each message's size and bytes) of
/// messages whose address is the prefix and the entry's path; int32 <c>i</c>, float32 <c>f</c>, string <c>s</c>, true
/// <c>T</c>, false <c>F</c>; all big-endian and padded to 4 bytes. A bundle is closed once it passes
/// <see cref="BundleLimit"/> bytes, as CasparCG's are, so a datagram stays small.
/// </summary>
public static class OscPacket
{
    public const int BundleLimit = 2048;

    /// <summary>The bundles for <paramref name="entries"/>, each message addressed <paramref name="prefix"/> + path.</summary>
    public static IEnumerable<byte[]> Bundles(string prefix, IEnumerable<AmcpStateEntry> entries, ulong timeTag)
    {
        using var bundle = new MemoryStream();
        var size = new byte[4];
        foreach (var entry in entries)
        {
            if (bundle.Length == 0)
                StartBundle(bundle, timeTag);
            byte[] message = Message(prefix + entry.Path, entry.Values);
            BinaryPrimitives.WriteInt32BigEndian(size, message.Length);
            bundle.Write(size);
            bundle.Write(message);
            if (bundle.Length >= BundleLimit)
            {
                yield return bundle.ToArray();
                bundle.SetLength(0);
            }
        }
        if (bundle.Length > 0)
            yield return bundle.ToArray();
    }

    /// <summary>One OSC message.</summary>
    public static byte[] Message(string address, IReadOnlyList<object> values)
    {
        using var message = new MemoryStream();
        WriteString(message, address);
        var tags = new StringBuilder(",");
        using var arguments = new MemoryStream();
        Span<byte> word = stackalloc byte[4];
        foreach (var value in values)
        {
            switch (value)
            {
                case bool b:
                    tags.Append(b ? 'T' : 'F');
                    break;
                case int i:
                    tags.Append('i');
                    BinaryPrimitives.WriteInt32BigEndian(word, i);
                    arguments.Write(word);
                    break;
                case float f:
                    tags.Append('f');
                    BinaryPrimitives.WriteSingleBigEndian(word, f);
                    arguments.Write(word);
                    break;
                case string s:
                    tags.Append('s');
                    WriteString(arguments, s);
                    break;
                default:
                    throw new ArgumentException($"OSC carries int, float, string and bool values; got {value.GetType().Name}", nameof(values));
            }
        }
        WriteString(message, tags.ToString());
        arguments.WriteTo(message);
        return message.ToArray();
    }

    private static void StartBundle(Stream bundle, ulong timeTag)
    {
        WriteString(bundle, "#bundle");
        Span<byte> tag = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(tag, timeTag);
        bundle.Write(tag);
    }

    /// <summary>UTF-8, a terminating zero, zeros up to a multiple of 4 bytes.</summary>
    private static void WriteString(Stream stream, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        stream.Write(bytes);
        int padding = 4 - bytes.Length % 4;
        Span<byte> zeros = stackalloc byte[4];
        zeros.Clear();
        stream.Write(zeros[..padding]);
    }
}
