using System.Collections.Immutable;
using Playout.Media.Scte35;

namespace Playout.Engine.Consumers;

/// <summary>An output that signals SCTE-35 splices where the programme has them: an MPEG-TS stream (the section on its PID) or
/// HLS (an EXT-X-DATERANGE in every rendition's playlist).</summary>
public interface ISpliceOutput
{
    string Name { get; }

    /// <summary>Whether the output was set up to carry SCTE-35.</summary>
    bool CarriesScte35 { get; }

    /// <summary>
    /// Cues <paramref name="command"/> at the programme frame of channel tick <paramref name="spliceTick"/>, at least
    /// <paramref name="preRoll"/> ahead where the output sends it ahead. Thread-safe.
    /// </summary>
    /// <exception cref="InvalidOperationException">The output does not carry SCTE-35.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The splice tick has already been played out to this output, or the pre-roll is negative.</exception>
    void CueSplice(long spliceTick, SpliceCommand command, TimeSpan preRoll, ImmutableArray<byte> descriptors = default);
}
