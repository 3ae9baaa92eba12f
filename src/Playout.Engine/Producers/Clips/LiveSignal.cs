using System.Diagnostics;

namespace Playout.Engine.Producers.Clips;

/// <summary>
/// Tells, tick by tick, whether a live input has signal: lost once no picture has arrived for the hold time (the last
/// one stays on air that long) or the input failed, back with the next picture. Each loss is kept, by tick, for as-run.
/// </summary>
internal sealed class LiveSignal(TimeSpan holdLast, string noSignal)
{
    private readonly long _hold = (long)(holdLast.TotalSeconds * Stopwatch.Frequency);
    private readonly List<SignalLoss> _losses = [];

    public bool IsLost { get; private set; }

    /// <summary>The failure to report while lost: the input's error, else "no signal".</summary>
    public string? Reason { get; private set; }

    public IReadOnlyList<SignalLoss> Losses
    {
        get
        {
            lock (_losses)
                return [.. _losses];
        }
    }

    /// <summary>Updates the state at <paramref name="tick"/> from the time the newest picture arrived and the input's error; true while lost.</summary>
    public bool Check(long tick, long lastPicture, string? failure)
    {
        bool lost = failure is not null || Stopwatch.GetTimestamp() - lastPicture > _hold;
        Reason = lost ? failure ?? noSignal : null;
        if (lost != IsLost)
        {
            IsLost = lost;
            lock (_losses)
            {
                if (lost)
                    _losses.Add(new SignalLoss(tick, null, Reason!));
                else
                    _losses[^1] = _losses[^1] with { BackTick = tick };
            }
        }
        return lost;
    }
}
