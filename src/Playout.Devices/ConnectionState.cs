using System.Text.Json;
using System.Text.Json.Serialization;

namespace Playout.Devices;

/// <summary>Whether the service can talk to a device (a word in JSON: connecting, connected, lost).</summary>
[JsonConverter(typeof(ConnectionStateJson))]
public enum ConnectionState
{
    /// <summary>Opening the link (at start, or again after a loss, with back-off).</summary>
    Connecting,

    /// <summary>The device answers.</summary>
    Connected,

    /// <summary>The link failed or the device stopped answering; the driver keeps trying, and an alarm stands.</summary>
    Lost,
}

internal sealed class ConnectionStateJson() : JsonStringEnumConverter<ConnectionState>(JsonNamingPolicy.CamelCase);
