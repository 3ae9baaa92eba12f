using Playout.Automation.Runtime;
using Playout.Automation.Schedules;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// What the programme showed on the last tick is the colour of the item the automation says is on air (black: nothing,
/// filler, a failed source), or of the operator's break-in insert while the status shows one covering that tick.
/// </summary>
internal sealed class OnAirMatchesProgramme : ISimInvariant
{
    /// <summary>The event each key was when it went to air: an edit with force may delete or change it while it stays on air.</summary>
    private readonly Dictionary<string, PrimaryEvent?> _aired = new(StringComparer.Ordinal);

    /// <summary>
    /// The break-in the last status showed: the status is of the tick after the sample, so the insert's last tick is sampled
    /// once the status has dropped it. A restart ends it (a new channel).
    /// </summary>
    private (InsertStatus? Insert, int Restarts) _last;

    public string Name => "on air matches the programme";

    public SimFailure? Check(SimState state)
    {
        if (state.Sample is not { } sample)
            return null;
        var onAir = state.Status.OnAir;
        string? colour = null;
        var insert = state.Status.Insert ?? (_last.Restarts == state.Restarts.Count ? _last.Insert : null);
        _last = (state.Status.Insert, state.Restarts.Count);
        if (insert is not null && sample.Tick >= insert.From && sample.Tick < insert.Until)
            // The operator's inserts are follow events of the generator's, coloured by their ids.
            colour = SimColours.Of(insert.Event.Id);
        else if (onAir is not null && !onAir.Key.EndsWith("@filler", StringComparison.Ordinal))
        {
            if (!_aired.TryGetValue(onAir.Key, out var e))
                _aired[onAir.Key] = e = state.Find(onAir.Key)?.Event;
            colour = e is null ? null : SimSources.ColourOf(e);
        }
        var expected = state.SampleOf(colour);
        if (expected == (sample.Y, sample.Cb, sample.Cr))
            return null;
        var shown = new[] { (Sample: state.SampleOf(null), Name: "black (filler or nothing)") }
            .Concat(state.AsRun.Select(e => e.EventId).Distinct().Select(id => (Sample: state.SampleOf(SimColours.Of(id)), Name: $"event {id}'s colour")))
            .FirstOrDefault(s => s.Sample == (sample.Y, sample.Cb, sample.Cr)).Name ?? "an unknown colour";
        return new SimFailure(Name, onAir?.Key ?? "-",
            $"tick {sample.Tick} showed {shown} (Y/Cb/Cr {sample.Y}/{sample.Cb}/{sample.Cr}) while the automation has {onAir?.Key ?? "nothing"} on air ({colour ?? "black"}, {expected})",
            [.. state.AsRun.TakeLast(3)]);
    }
}
