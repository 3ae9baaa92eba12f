using Playout.Media.Frames;

namespace Playout.Engine.Producers.Clips;

/// <summary>A decoded picture waiting for air: its index on the clip's timeline (0 at the in point, counting on across loops).</summary>
internal readonly record struct DecodedFrame(Frame Video, long Index, int Generation);
