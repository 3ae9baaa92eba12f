namespace Playout.Devices.Gpi;

/// <summary>
/// Reads the GPI box's byte stream into messages. Total: a byte that cannot start a message (line noise, a garbled pair)
/// is passed over and reported with its position in the stream, so the reader falls back in step with the next valid
/// pair; nothing it reads throws.
/// </summary>
public sealed class GpiReader
{
    private byte? _first;
    private long _position;

    /// <summary>The messages in <paramref name="bytes"/> (with what was held from the last call); each byte passed over goes to <paramref name="junk"/>.</summary>
    public List<GpiMessage> Read(ReadOnlySpan<byte> bytes, Action<string> junk)
    {
        var messages = new List<GpiMessage>();
        foreach (byte b in bytes)
        {
            _position++;
            if (_first is not { } first)
            {
                if (GpiMessage.IsPort(b))
                    _first = b;
                else
                    junk($"byte {_position} (0x{b:X2}) is no port: passed over");
                continue;
            }
            _first = null;
            if (GpiMessage.Of(first, b) is { } message)
                messages.Add(message);
            else if (GpiMessage.IsPort(b))
            {
                // The port had no state: this byte may start the next message.
                junk($"byte {_position - 1} (port {(char)first}) has no state: passed over");
                _first = b;
            }
            else
                junk($"bytes {_position - 1}-{_position} ('{(char)first}', 0x{b:X2}) are no message: passed over");
        }
        return messages;
    }
}
