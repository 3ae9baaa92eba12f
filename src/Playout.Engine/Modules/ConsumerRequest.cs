using Playout.Engine.Channels;
using Playout.Engine.Devices;

namespace Playout.Engine.Modules;

/// <summary>What a consumer factory is asked for.</summary>
/// <param name="Channel">The channel the consumer takes frames from.</param>
/// <param name="Settings">The output's settings, keyed as the configuration names them ("url", "width", …).</param>
/// <param name="Card">The channel's card, for types that write to it.</param>
public sealed record ConsumerRequest(ChannelContext Channel, ModuleSettings Settings, IVideoCard? Card = null);
