using System.Text.Json;
using System.Text.Json.Serialization;

namespace Playout.Engine.Alarms;

/// <summary>How bad an alarm is: the perceived severities of ITU-T X.733 (its "cleared" is an alarm's <see cref="Alarm.ClearedAt"/>).</summary>
[JsonConverter(typeof(AlarmSeverityJson))]
public enum AlarmSeverity
{
    /// <summary>Off air or about to be: act now.</summary>
    Critical,

    /// <summary>Service is degraded: act soon.</summary>
    Major,

    /// <summary>A fault that does not yet degrade service.</summary>
    Minor,

    /// <summary>Something may become a fault.</summary>
    Warning,

    /// <summary>The severity cannot be told.</summary>
    Indeterminate,
}

public static class AlarmSeverities
{
    /// <summary>The X.733 / SNMP number of a severity: indeterminate(2), critical(3), major(4), minor(5), warning(6); cleared is 1.</summary>
    public static int X733(AlarmSeverity severity) => severity switch
    {
        AlarmSeverity.Indeterminate => 2,
        AlarmSeverity.Critical => 3,
        AlarmSeverity.Major => 4,
        AlarmSeverity.Minor => 5,
        _ => 6,
    };

    /// <summary>The X.733 number for an alarm that has cleared.</summary>
    public const int X733Cleared = 1;
}

internal sealed class AlarmSeverityJson() : JsonStringEnumConverter<AlarmSeverity>(JsonNamingPolicy.CamelCase);
