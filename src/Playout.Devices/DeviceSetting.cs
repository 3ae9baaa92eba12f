namespace Playout.Devices;

/// <summary>
/// A state the service wants a device in and what the device reports (RF on, the route of output 3, the power level):
/// after a reconnect the driver asserts <see cref="Desired"/> again where it differs from <see cref="Actual"/>.
/// </summary>
/// <param name="Desired">What the last command asked for; null when nothing has asked.</param>
/// <param name="Actual">What the device last reported; null before it has.</param>
public sealed record DeviceSetting(string Name, string? Desired, string? Actual);
