using Playout.Media.Audio;
using Playout.Media.Frames;

namespace Playout.Engine.Probes;

/// <summary>
/// Something that watches the programme on the <see cref="ProbeConsumer"/>'s thread (black, freeze and silence today,
/// loudness next). It reads the frames it is given and keeps nothing of them: the consumer releases them afterwards.
/// What it throws is caught and raised as its own alarm; the other probes go on.
/// </summary>
public interface IProgrammeProbe
{
    /// <summary>Names the probe in its failure alarm, <c>&lt;channel&gt;/probe/&lt;name&gt;</c>.</summary>
    string Name { get; }

    /// <summary>The programme of tick <paramref name="tick"/>, in tick order (ticks the consumer dropped are missing).</summary>
    void Process(long tick, Frame video, AudioFrame audio);
}
