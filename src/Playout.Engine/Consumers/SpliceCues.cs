using System.Collections.Immutable;
using Playout.Media.Formats;
using Playout.Media.Scte35;

namespace Playout.Engine.Consumers;

/// <summary>
/// The SCTE-35 cues an output holds until their frame comes: each cued for its splice frame, sent with the frame its
/// pre-roll (rounded up to whole frames) ahead of it. Thread-safe: the automation cues, the output's thread takes.
/// </summary>
public sealed class SpliceCues(VideoFormat format)
{
    private readonly Lock _lock = new();
    private readonly List<SpliceCue> _cues = [];

    /// <summary>
    /// Checks a cue for an output: it must carry SCTE-35, the splice frame must be ahead of the last one it played out, the
    /// pre-roll not negative, and the command and descriptors must encode.
    /// </summary>
    /// <exception cref="Scte35FormatException">The descriptor loop is not a run of tag-length entries.</exception>
    public static void Check(string output, bool carries, long spliceTick, SpliceCommand command, TimeSpan preRoll, ImmutableArray<byte> descriptors, long played)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!carries)
            throw new InvalidOperationException($"{output} does not carry SCTE-35 (its scte35 setting is off)");
        ArgumentOutOfRangeException.ThrowIfLessThan(preRoll, TimeSpan.Zero);
        if (spliceTick <= played)
            throw new ArgumentOutOfRangeException(nameof(spliceTick), spliceTick, $"tick {spliceTick} has already been played out (now at {played})");
        // Validates the command and descriptors now, on the caller's thread, rather than fail on the output's.
        _ = new SpliceInfoSection(command, Descriptors: descriptors).Encode();
        _ = SpliceDescriptorLoop.Entries(descriptors.AsSpan());
    }

    /// <summary>Holds a checked cue (<see cref="Check"/>) until <see cref="Due"/>.</summary>
    public void Add(long spliceTick, SpliceCommand command, TimeSpan preRoll, ImmutableArray<byte> descriptors)
    {
        long preRollFrames = format.FrameIndexAt(preRoll);
        if (format.TimeOf(preRollFrames) < preRoll)
            preRollFrames++;
        lock (_lock)
            _cues.Add(new SpliceCue(spliceTick, spliceTick - preRollFrames, command, descriptors.IsDefault ? [] : descriptors));
    }

    /// <summary>The cues to send with the frame of <paramref name="tick"/> (their send frame has come), in the order cued.</summary>
    public IReadOnlyList<SpliceCue> Due(long tick)
    {
        lock (_lock)
            return _cues.Count == 0 || !_cues.Exists(c => c.SendTick <= tick) ? [] : [.. _cues.Where(c => c.SendTick <= tick)];
    }

    /// <summary>Forgets a cue sent, or missed.</summary>
    public void Remove(SpliceCue cue)
    {
        lock (_lock)
            _cues.Remove(cue);
    }
}

/// <summary>A cue held by an output: its splice frame, the frame it goes with, the command and raw descriptor loop.</summary>
public sealed record SpliceCue(long SpliceTick, long SendTick, SpliceCommand Command, ImmutableArray<byte> Descriptors);
