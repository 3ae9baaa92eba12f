using Playout.Automation.Schedules;

namespace Playout.Automation.Imports;

/// <summary>What reading one event gave: the event, or, when anything in it is wrong, none and the errors.</summary>
/// <param name="Event">The event; null whenever <see cref="Errors"/> is not empty (and then they say why).</param>
public sealed record EventImportResult(PrimaryEvent? Event, IReadOnlyList<ImportError> Errors)
{
    public bool Ok => Event is not null;
}
