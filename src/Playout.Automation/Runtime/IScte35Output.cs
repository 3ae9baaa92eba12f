using Playout.Automation.Schedules;

namespace Playout.Automation.Runtime;

/// <summary>Where SCTE-35 secondary events go: the channel's MPEG-TS outputs, which send the section ahead of the splice frame.</summary>
public interface IScte35Output
{
    /// <summary>Signals <paramref name="cue"/> at the frame of channel tick <paramref name="spliceTick"/>.</summary>
    void Cue(long spliceTick, Scte35Cue cue);
}
