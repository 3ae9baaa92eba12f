namespace Playout.Engine.Producers;

/// <summary>A producer fed by a source that can drop out and come back while on air (a network stream).</summary>
public interface ILiveInput
{
    /// <summary>The losses of signal since the producer went on air, oldest first (a copy; empty for a file).</summary>
    IReadOnlyList<SignalLoss> SignalLosses { get; }
}
