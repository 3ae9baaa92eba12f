namespace Playout.Devices;

/// <summary>A value the device reports (forward power, VSWR, temperature), with its unit and when it was read.</summary>
public sealed record Measurement(string Name, double Value, string Unit, DateTimeOffset At);
