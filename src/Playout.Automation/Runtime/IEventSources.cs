using Playout.Automation.Schedules;
using Playout.Engine.Producers;

namespace Playout.Automation.Runtime;

/// <summary>Makes the producers events put on air. Opening never throws: a source that cannot be used gives a producer that reports why.</summary>
public interface IEventSources
{
    /// <summary>The producer for a primary event, starting <paramref name="offset"/> into its source (clips).</summary>
    Producer Primary(PrimaryEvent e, TimeSpan offset);

    /// <summary>The producer that fills gaps and holds.</summary>
    Producer Filler();

    /// <summary>A keyed graphic (logo, graphics take) from a picture with alpha.</summary>
    Producer Graphic(string source);
}
