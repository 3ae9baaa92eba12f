namespace Playout.Media.Scte35;

/// <summary>A splice_info_section (or its text form) is malformed; <see cref="Offset"/> and <see cref="Field"/> say where.</summary>
public sealed class Scte35FormatException : FormatException
{
    public Scte35FormatException(int offset, string field, string problem)
        : base($"byte {offset} ({field}): {problem}")
    {
        Offset = offset;
        Field = field;
    }

    /// <summary>Byte offset from the start of the section (for text input: character offset).</summary>
    public int Offset { get; }

    /// <summary>The syntax element of SCTE 35 (table_id, section_length, CRC_32, ...) that is wrong.</summary>
    public string Field { get; }
}
