using Playout.Media.Formats;

namespace Playout.Engine.Devices;

/// <summary>
/// A capture/playback card as the engine sees it: one video format, a reference (vertical sync) the
/// channel can lock to, inputs that capture into the channel's pools and outputs that play frames out.
/// Real card drivers and the simulated card in hw-sim implement this; the engine never knows which.
/// </summary>
public interface IVideoCard : IDisposable
{
    /// <summary>A name for logs and alarms, e.g. "hw-sim card 0".</summary>
    string Name { get; }

    VideoFormat Format { get; }

    /// <summary>The card's frame clock: its output vertical sync, locked to house reference when it has one.</summary>
    IReferenceClock Reference { get; }

    IReadOnlyList<ICardInput> Inputs { get; }

    IReadOnlyList<ICardOutput> Outputs { get; }
}
