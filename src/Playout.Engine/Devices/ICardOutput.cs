using Playout.Media.Audio;
using Playout.Media.Frames;

namespace Playout.Engine.Devices;

/// <summary>One playback connector (SDI out) of a card.</summary>
public interface ICardOutput
{
    int Index { get; }

    /// <summary>
    /// Queues a committed v210 frame of the card's format and its audio for the next output slot. Never blocks:
    /// the card takes its own references (AddRef) and releases them once the frame has been scanned out.
    /// </summary>
    void Send(Frame video, AudioFrame audio);

    /// <summary>Frames played, and slots the card had to fill by repeating the last frame.</summary>
    CardOutputCounters Counters { get; }

    /// <summary>Why the output cannot take frames now (its link to the card is lost), or null while it can.</summary>
    string? Fault => null;
}

/// <param name="FramesPlayed">Frames scanned out since the output started.</param>
/// <param name="Underruns">Output slots with no new frame, filled by repeating the last one.</param>
/// <param name="LateFrames">Frames that arrived after their slot had started (the card played them one slot late).</param>
public readonly record struct CardOutputCounters(long FramesPlayed, long Underruns, long LateFrames);
