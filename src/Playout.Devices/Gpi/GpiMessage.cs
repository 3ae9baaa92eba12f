namespace Playout.Devices.Gpi;

/// <summary>
/// The GPI box's serial protocol: every message is two ASCII bytes, a port and a state (<c>H</c> closed, <c>L</c> open).
/// Inputs are ports <c>1</c>–<c>8</c>, outputs <c>a</c>–<c>h</c> (lower case: never a state byte). The box sends an input's edge as it happens; the host sets
/// an output the same way and the box echoes the two bytes once it has switched. <c>??</c> asks the box for every input's
/// state (one message per input; not edges).
/// </summary>
public readonly record struct GpiMessage(bool Output, int Number, bool Closed)
{
    public const int Ports = 8;

    public static ReadOnlySpan<byte> Query => "??"u8;

    public byte[] ToBytes() => [PortByte(Output, Number), Closed ? (byte)'H' : (byte)'L'];

    public override string ToString() => $"{(char)PortByte(Output, Number)}{(Closed ? 'H' : 'L')}";

    /// <summary>Whether <paramref name="b"/> names a port (an input or an output).</summary>
    public static bool IsPort(byte b) => b is >= (byte)'1' and <= (byte)('0' + Ports) or >= (byte)'a' and <= (byte)('a' + Ports - 1);

    /// <summary>The message <paramref name="port"/> and <paramref name="state"/> make, or null when they are not one.</summary>
    public static GpiMessage? Of(byte port, byte state)
    {
        if (!IsPort(port) || state is not ((byte)'H' or (byte)'L'))
            return null;
        bool output = port >= 'a';
        return new GpiMessage(output, output ? port - 'a' + 1 : port - '0', state == 'H');
    }

    private static byte PortByte(bool output, int number) => (byte)(output ? 'a' + number - 1 : '0' + number);
}
