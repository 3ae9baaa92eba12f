using System.Text.Json;
using System.Text.Json.Serialization;

namespace Playout.Automation.AsRun;

/// <summary>
/// The journal's line format: one compact JSON object per entry, the status in lower case as the CSV and the REST API
/// write it (reading ignores case, so journals written as "Played" still read).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false, Converters = [typeof(AsRunStatusJson)])]
[JsonSerializable(typeof(AsRunEntry))]
internal sealed partial class AsRunJson : JsonSerializerContext;

/// <summary>Writes <see cref="AsRunStatus"/> as "played", "truncated", ….</summary>
internal sealed class AsRunStatusJson() : JsonStringEnumConverter<AsRunStatus>(JsonNamingPolicy.CamelCase);
