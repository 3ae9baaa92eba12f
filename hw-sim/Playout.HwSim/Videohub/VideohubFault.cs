namespace Playout.HwSim.Videohub;

/// <summary>Faults the Videohub twin can be told to show, as routers and their look-alikes do in the field.</summary>
public enum VideohubFault
{
    /// <summary>The router stops answering: requests are read and dropped, new clients get no prelude (a hung controller).</summary>
    Hang,

    /// <summary>Every reply comes with junk: a garbage line before it and a garbage item inside its block.</summary>
    Garble,

    /// <summary>The prelude misses newlines: two device fields glued on one line, and no blank line before OUTPUT LABELS.</summary>
    PreludeWithoutNewline,

    /// <summary>A route is ACKed but not echoed back as a VIDEO OUTPUT ROUTING block.</summary>
    AckWithoutEcho,
}
