using System.Diagnostics.CodeAnalysis;
using Playout.Media.Audio;
using Playout.Media.Frames;

namespace Playout.Engine.Devices;

/// <summary>One capture connector (SDI in) of a card. It captures (DMAs) into frames of the pools it is started with.</summary>
public interface ICardInput
{
    int Index { get; }

    /// <summary>False while nothing valid arrives at the connector (input loss).</summary>
    bool HasSignal { get; }

    /// <summary>Starts capturing v210 frames of the card's format into <paramref name="video"/> and their audio into <paramref name="audio"/>.</summary>
    void Start(FramePool video, AudioPool audio);

    void Stop();

    /// <summary>
    /// The newest captured frame and its audio, each with one reference the caller must release; false
    /// when the input has no signal or has captured nothing yet. Never blocks.
    /// </summary>
    bool TryCapture([NotNullWhen(true)] out Frame? video, [NotNullWhen(true)] out AudioFrame? audio);
}
