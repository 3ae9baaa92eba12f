using System.Buffers.Binary;
using System.Text;

namespace Playout.HwSim;

/// <summary>
/// The wire between a simulated card running in its own process (<see cref="CardServer"/>) and the service's
/// <see cref="RemoteCard"/>: length-prefixed messages over a Unix domain socket, little-endian.
/// Each message is a type byte, a 32-bit payload length, then the payload.
/// </summary>
internal static class CardLink
{
    /// <summary>Client → card: the video format's name (UTF-8). The card answers <see cref="Ready"/> or <see cref="Refused"/>.</summary>
    public const byte Hello = 1;

    /// <summary>Card → client: ready; payload empty.</summary>
    public const byte Ready = 2;

    /// <summary>Card → client: refused, with the reason (UTF-8).</summary>
    public const byte Refused = 3;

    /// <summary>Card → client: a vertical sync, with the output's frames played, underruns and late frames, and the card's sync count (four 64-bit numbers).</summary>
    public const byte Sync = 4;

    /// <summary>Card → client: no sync within two frame periods: the card has lost its reference.</summary>
    public const byte Lost = 5;

    /// <summary>Client → card: a frame for the output: sequence (64-bit), audio sample frames (32-bit), the v210 frame, the float samples.</summary>
    public const byte Frame = 6;

    public const int HeaderBytes = 5;

    public static void Write(Stream stream, byte type, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        header[0] = type;
        BinaryPrimitives.WriteInt32LittleEndian(header[1..], payload.Length);
        stream.Write(header);
        stream.Write(payload);
        stream.Flush();
    }

    public static void WriteText(Stream stream, byte type, string text) => Write(stream, type, Encoding.UTF8.GetBytes(text));

    /// <summary>Reads one message's header; false when the other side closed the link.</summary>
    public static bool ReadHeader(Stream stream, out byte type, out int length)
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        type = 0;
        length = 0;
        if (stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) < HeaderBytes)
            return false;
        type = header[0];
        length = BinaryPrimitives.ReadInt32LittleEndian(header[1..]);
        if (length < 0)
            throw new InvalidDataException($"card link: message {type} claims {length} bytes");
        return true;
    }

    public static string ReadText(Stream stream, int length)
    {
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }
}
