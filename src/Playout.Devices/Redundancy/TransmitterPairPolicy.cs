namespace Playout.Devices.Redundancy;

/// <summary>When a main/reserve pair changes over by itself (docs/DEVICES.md, "Main/reserve transmitters").</summary>
public sealed record TransmitterPairPolicy
{
    /// <summary>How long a fault alarm of the transmitter on air must stand before the pair changes over: a glitch does not.</summary>
    public TimeSpan HoldOff { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the transmitter on air may not answer before that counts as a fault.</summary>
    public TimeSpan CommsLoss { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether the pair goes back to main by itself once main has been healthy for <see cref="RestoreAfter"/>.</summary>
    public bool Restore { get; init; }

    public TimeSpan RestoreAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the pair looks at its transmitters.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromMilliseconds(250);
}
