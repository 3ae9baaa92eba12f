using Playout.Media.Time;

namespace Playout.Media.Rtp;

/// <summary>
/// SMPTE ST 12-2 ancillary time code (ATC): the 16 user data words of an ANC packet with DID 0x60, SDID 0x60. The 64 bits
/// of an ST 12-1 time code go four at a time into the upper nibble of each word, time digits in the odd words (1, 3, …),
/// binary groups in the even ones; bit 3 of words 1–8 carries the first distributed binary byte (DBB1: the payload type,
/// 0 for ATC_LTC), of words 9–16 the second.
/// </summary>
public static class AncillaryTimecode
{
    public const byte Did = 0x60, Sdid = 0x60;

    /// <summary>DBB1's payload type for a time code read as LTC is: frame-based, one a frame.</summary>
    public const byte Ltc = 0x00;

    /// <summary>The 16 user data words (8 bits each, before parity) of <paramref name="timecode"/>.</summary>
    /// <remarks>Above 30 frames a second ST 12-1 counts frame pairs: the frame digits are the frame number halved.</remarks>
    public static byte[] UserData(Timecode timecode, byte payloadType = Ltc)
    {
        int frames = timecode.Rate.Base > 30 ? timecode.Frames / 2 : timecode.Frames;
        ReadOnlySpan<int> digits =
        [
            frames % 10, frames / 10 | (timecode.DropFrame ? 1 << 2 : 0),
            timecode.Seconds % 10, timecode.Seconds / 10,
            timecode.Minutes % 10, timecode.Minutes / 10,
            timecode.Hours % 10, timecode.Hours / 10,
        ];
        var words = new byte[16];
        for (int i = 0; i < 8; i++)
        {
            words[2 * i] = (byte)(digits[i] << 4);
            // Binary groups (user bits) are zero; DBB1 (payload type) rides bit 3 of words 1–8, least significant bit first.
            words[i] |= (byte)((payloadType >> i & 1) << 3);
        }
        return words;
    }

    /// <summary>Reads the time code back from 16 user data words (a receiver's side, and the tests').</summary>
    public static (int Hours, int Minutes, int Seconds, int Frames, bool DropFrame, byte PayloadType) Read(ReadOnlySpan<byte> words)
    {
        Span<int> digit = stackalloc int[8];
        byte payloadType = 0;
        for (int i = 0; i < 8; i++)
        {
            digit[i] = words[2 * i] >> 4;
            payloadType |= (byte)((words[i] >> 3 & 1) << i);
        }
        return (digit[7] * 10 + digit[6], digit[5] * 10 + digit[4], digit[3] * 10 + digit[2], (digit[1] & 3) * 10 + digit[0],
            (digit[1] & 4) != 0, payloadType);
    }
}
