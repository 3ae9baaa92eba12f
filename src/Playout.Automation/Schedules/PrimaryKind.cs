namespace Playout.Automation.Schedules;

/// <summary>What a primary event puts on the channel's programme layer.</summary>
public enum PrimaryKind
{
    /// <summary>A media file between its in and out points.</summary>
    Clip,

    /// <summary>A live source: a network stream (udp://, srt://) or a card input ("card:0").</summary>
    Live,

    /// <summary>A still picture (a slate, a test card) held for the event's duration.</summary>
    Still,

    /// <summary>The channel's filler, or a colour ("black", "#102030", "bars"), for the event's duration.</summary>
    Filler,

    /// <summary>A group of events played in order, optionally looped until the block's duration is filled.</summary>
    Block,
}
