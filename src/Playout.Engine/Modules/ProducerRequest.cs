using Playout.Engine.Channels;
using Playout.Engine.Devices;

namespace Playout.Engine.Modules;

/// <summary>What a producer factory is asked for.</summary>
/// <param name="Channel">The channel the producer plays on (format, pools, alarms).</param>
/// <param name="Source">What to play, as its type understands it: a file path, a URL, a colour, a card input's number.</param>
/// <param name="Settings">Everything else the type takes (in and out points, position, …).</param>
/// <param name="Card">The channel's card, for types that read from it.</param>
public sealed record ProducerRequest(ChannelContext Channel, string Source, ModuleSettings Settings, IVideoCard? Card = null);
