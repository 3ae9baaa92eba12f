namespace Playout.Engine.Stage;

/// <summary>
/// Talk-over: while the sound of layer <paramref name="Key"/> (a presenter's microphone) is above
/// <paramref name="ThresholdDb"/> (its loudest channel's RMS over a tick), the sound of the <paramref name="Ducked"/> layers (the music) comes down by
/// <paramref name="DepthDb"/> over <paramref name="Attack"/>, stays down until the key has been quiet for
/// <paramref name="Hold"/>, then comes back up over <paramref name="Release"/>.
/// </summary>
/// <param name="DepthDb">How far the ducked layers come down, in dB below their own level: -60 to -1.</param>
/// <param name="ThresholdDb">The key's level (RMS over a tick, its loudest channel), in dBFS, above which it talks: -80 to 0.</param>
public sealed record TalkOverSettings(int Key, IReadOnlyList<int> Ducked, double DepthDb = -12, double ThresholdDb = -40)
{
    public TimeSpan Attack { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan Hold { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan Release { get; init; } = TimeSpan.FromMilliseconds(800);

    /// <summary>The longest attack, hold or release.</summary>
    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(10);

    /// <summary>What is wrong with these settings, naming the field, or null.</summary>
    public string? Problem()
    {
        if (Key < 0 || Ducked.Count == 0 || Ducked.Any(layer => layer < 0 || layer == Key))
            return "key: a layer (0 or more) and ducked: one or more other layers";
        if (DepthDb is not (>= -60 and <= -1))
            return $"depthDb: -60 to -1 dB; got {DepthDb}";
        if (ThresholdDb is not (>= -80 and <= 0))
            return $"thresholdDb: -80 to 0 dBFS; got {ThresholdDb}";
        foreach (var (name, time) in new[] { ("attack", Attack), ("hold", Hold), ("release", Release) })
            if (time < TimeSpan.Zero || time > MaxTime)
                return $"{name}: 0 to {MaxTime.TotalSeconds} seconds; got {time.TotalSeconds}";
        return null;
    }
}
