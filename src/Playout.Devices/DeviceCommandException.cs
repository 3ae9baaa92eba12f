namespace Playout.Devices;

/// <summary>A command refused before it was sent (unknown, bad arguments) or that the device did not carry out (no link, an error reply, no reply in time).</summary>
public sealed class DeviceCommandException(string message) : Exception(message);
