using System.Text.Json;
using System.Text.Json.Serialization;

namespace Playout.Devices.Redundancy;

/// <summary>Which transmitter of a pair is on air (a word in JSON: main, reserve).</summary>
[JsonConverter(typeof(TransmitterSideJson))]
public enum TransmitterSide
{
    Main,
    Reserve,
}

internal sealed class TransmitterSideJson() : JsonStringEnumConverter<TransmitterSide>(JsonNamingPolicy.CamelCase);
