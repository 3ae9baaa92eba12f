using System.Text.Json;
using System.Text.Json.Serialization;

namespace Playout.Server.Hosting;

/// <summary>How the service writes schedule model objects (saved schedules, REST answers such as the plan): camelCase, enums by name, nulls left out.</summary>
public static class ScheduleJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
