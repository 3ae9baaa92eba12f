using Playout.Automation.Runtime;
using Playout.Automation.Schedules;
using Playout.Engine.Channels;
using Playout.Engine.Producers;

namespace Playout.Automation.Tests.Simulation;

/// <summary>
/// The simulation's event sources: clips, stills and live inputs air as their event's colour field (<see cref="SimColours"/>);
/// a source under "fail/" is one that cannot be opened (a failed producer, as a missing file gives), one under "missing/" goes
/// to the real sources (a file that is not there); filler and colour events go to the real sources too.
/// </summary>
internal sealed class SimSources(IEventSources real, ChannelContext channel) : IEventSources
{
    public const string Failing = "fail/";
    public const string Missing = "missing/";

    public Producer Primary(PrimaryEvent e, TimeSpan offset)
    {
        if (e.Kind == PrimaryKind.Filler || e.Source is null || e.Source.StartsWith(Missing, StringComparison.Ordinal))
            return real.Primary(e, offset);
        if (e.Source.StartsWith(Failing, StringComparison.Ordinal))
            return new FailedProducer(e.DisplayName, $"{e.Source}: cannot be opened (simulated failure)");
        return SyntheticProducers.Color(channel, SimColours.Of(e.Id));
    }

    public Producer Filler() => real.Filler();

    public Producer Graphic(string source) => real.Graphic(source);

    /// <summary>The colour the programme shows while <paramref name="e"/> is on air (null: the filler's, as for a source that fails).</summary>
    public static string? ColourOf(PrimaryEvent e) => e.Kind switch
    {
        PrimaryKind.Filler => e.Source,
        _ when e.Source is null || e.Source.StartsWith(Failing, StringComparison.Ordinal) || e.Source.StartsWith(Missing, StringComparison.Ordinal) => null,
        _ => SimColours.Of(e.Id),
    };
}
