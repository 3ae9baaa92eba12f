namespace Playout.Devices;

/// <summary>A snapshot of one device for REST, SNMP and the panel.</summary>
/// <param name="Identity">What the device says it is (model, version), once it has said; null before.</param>
/// <param name="Since">When the connection entered its state.</param>
/// <param name="Error">Why the connection is lost (or the last command failed), or null.</param>
/// <param name="LastCommand">The last command sent, with its arguments, and when; null before the first.</param>
public sealed record DeviceStatus(string Name, string Driver, string? Identity, ConnectionState Connection, DateTimeOffset Since, string? Error,
    IReadOnlyList<Measurement> Measurements, IReadOnlyList<DeviceSetting> Settings, IReadOnlyList<DeviceCommandSpec> Commands,
    string? LastCommand, DateTimeOffset? LastCommandAt);
