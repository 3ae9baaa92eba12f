using Playout.Automation.Schedules;

namespace Playout.Automation.Tests.Simulation;

/// <summary>What the programme showed on the last tick is the colour of the item the automation says is on air (black: nothing, filler, a failed source).</summary>
internal sealed class OnAirMatchesProgramme : ISimInvariant
{
    /// <summary>The event each key was when it went to air: an edit with force may delete or change it while it stays on air.</summary>
    private readonly Dictionary<string, PrimaryEvent?> _aired = new(StringComparer.Ordinal);

    public string Name => "on air matches the programme";

    public SimFailure? Check(SimState state)
    {
        if (state.Sample is not { } sample)
            return null;
        var onAir = state.Status.OnAir;
        string? colour = null;
        if (onAir is not null && !onAir.Key.EndsWith("@filler", StringComparison.Ordinal))
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
