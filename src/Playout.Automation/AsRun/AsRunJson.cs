using System.Text.Json;
using System.Text.Json.Serialization;

namespace Playout.Automation.AsRun;

/// <summary>The journal's line format: one compact JSON object per entry, enums as names.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, WriteIndented = false)]
[JsonSerializable(typeof(AsRunEntry))]
internal sealed partial class AsRunJson : JsonSerializerContext;
