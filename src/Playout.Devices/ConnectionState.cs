namespace Playout.Devices;

/// <summary>Whether the service can talk to a device.</summary>
public enum ConnectionState
{
    /// <summary>Opening the link (at start, or again after a loss, with back-off).</summary>
    Connecting,

    /// <summary>The device answers.</summary>
    Connected,

    /// <summary>The link failed or the device stopped answering; the driver keeps trying, and an alarm stands.</summary>
    Lost,
}
