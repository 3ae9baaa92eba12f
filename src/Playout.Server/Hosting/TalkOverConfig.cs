using Playout.Engine.Stage;

namespace Playout.Server.Hosting;

/// <summary>
/// A talk-over rule of a channel (docs/RADIO.md, talk-over): while layer <see cref="Key"/>'s sound (a presenter's
/// microphone, a live input) peaks above <see cref="ThresholdDb"/>, the <see cref="Ducked"/> layers (the music) come down by
/// <see cref="DepthDb"/>.
/// </summary>
public sealed record TalkOverConfig
{
    public int Key { get; init; } = -1;
    public IReadOnlyList<int> Ducked { get; init; } = [];
    public double DepthDb { get; init; } = -12;
    public double ThresholdDb { get; init; } = -40;
    public double AttackSeconds { get; init; } = 0.1;
    public double HoldSeconds { get; init; } = 0.5;
    public double ReleaseSeconds { get; init; } = 0.8;

    public TalkOverSettings ToSettings() => new(Key, Ducked, DepthDb, ThresholdDb)
    {
        Attack = TimeSpan.FromSeconds(AttackSeconds),
        Hold = TimeSpan.FromSeconds(HoldSeconds),
        Release = TimeSpan.FromSeconds(ReleaseSeconds),
    };

    internal void Validate(string where, ConfigProblems problems)
    {
        double most = TalkOverSettings.MaxTime.TotalSeconds;
        var times = new[] { ("attackSeconds", AttackSeconds), ("holdSeconds", HoldSeconds), ("releaseSeconds", ReleaseSeconds) }
            .Where(t => !(t.Item2 >= 0 && t.Item2 <= most)).ToList();
        foreach (var (name, seconds) in times)
            problems.Add($"{where}.{name}", $"0 to {most} seconds; got {seconds}");
        if (times.Count == 0 && ToSettings().Problem() is { } problem)
        {
            int colon = problem.IndexOf(':');
            problems.Add($"{where}.{problem[..colon]}", problem[(colon + 2)..]);
        }
    }
}
