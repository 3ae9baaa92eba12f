using System.Text.Json;
using System.Text.Json.Serialization;

namespace Playout.Engine.Alarms;

/// <summary>What part of the system an alarm is about, read off its source key ("&lt;channel&gt;/&lt;part&gt; …").</summary>
[JsonConverter(typeof(AlarmSourceKindJson))]
public enum AlarmSourceKind
{
    /// <summary>The channel as a whole: its clock, tick, mixer, schedule.</summary>
    Channel,
    Layer,
    Input,
    Output,
    Probe,
    Device,
    /// <summary>The service itself, not one channel.</summary>
    Service,
}

internal sealed class AlarmSourceKindJson() : JsonStringEnumConverter<AlarmSourceKind>(JsonNamingPolicy.CamelCase);
