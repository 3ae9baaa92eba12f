namespace Playout.Media.Scte35;

/// <summary>The entries of a splice_info_section's descriptor loop (each: tag, length, body beginning with its identifier).</summary>
public static class SpliceDescriptorLoop
{
    /// <summary>One descriptor: its tag, and where its body lies in the loop.</summary>
    public readonly record struct Entry(byte Tag, int BodyOffset, int BodyLength);

    /// <summary>
    /// The descriptors of <paramref name="loop"/>, in order; <paramref name="offset"/> is where the loop starts in what the
    /// caller reads (the section), for an error's position.
    /// </summary>
    /// <exception cref="Scte35FormatException">A tag and length, or a body, runs past the loop.</exception>
    public static List<Entry> Entries(ReadOnlySpan<byte> loop, int offset = 0)
    {
        var entries = new List<Entry>();
        for (int at = 0; at < loop.Length;)
        {
            if (at + 2 > loop.Length)
                throw new Scte35FormatException(offset + at, "splice_descriptor", "a descriptor's tag and length run past the descriptor loop");
            int length = loop[at + 1];
            if (at + 2 + length > loop.Length)
                throw new Scte35FormatException(offset + at + 1, "descriptor_length", $"{length} runs past the descriptor loop");
            entries.Add(new Entry(loop[at], at + 2, length));
            at += 2 + length;
        }
        return entries;
    }
}
