namespace Playout.Media.Scte35;

/// <summary>
/// CRC-32/MPEG-2, the checksum of MPEG-2 PSI sections and SCTE-35 splice_info_sections: polynomial 0x04C11DB7, initial
/// value 0xFFFFFFFF, most significant bit first (no reflection), no final XOR. A whole section, CRC included, sums to 0.
/// </summary>
public static class Crc32Mpeg2
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
            crc = (crc << 8) ^ Table[(crc >> 24) ^ b];
        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i << 24;
            for (int bit = 0; bit < 8; bit++)
                c = (c & 0x80000000) != 0 ? (c << 1) ^ 0x04C11DB7 : c << 1;
            table[i] = c;
        }
        return table;
    }
}
