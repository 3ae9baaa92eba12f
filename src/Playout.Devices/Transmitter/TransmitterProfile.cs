using Playout.Engine.Alarms;
using Playout.Snmp.Data;

namespace Playout.Devices.Transmitter;

/// <summary>
/// How one kind of transmitter's SNMP objects map to the device model (a JSON file, see docs/DEVICES.md): what it
/// measures, which states it reports, the commands it takes (each an SNMP SET) and the fault flags it raises alarms for.
/// </summary>
public sealed record TransmitterProfile
{
    public required string Name { get; init; }

    /// <summary>A text object naming the model and version (sysDescr by default).</summary>
    public Oid Identity { get; init; } = Oid.Parse("1.3.6.1.2.1.1.1.0");

    public IReadOnlyList<ProfileMeasurement> Measurements { get; init; } = [];

    public IReadOnlyList<ProfileState> States { get; init; } = [];

    public IReadOnlyList<ProfileCommand> Commands { get; init; } = [];

    public IReadOnlyList<ProfileAlarm> Alarms { get; init; } = [];
}

/// <summary>A number the transmitter reports: the object's integer times <see cref="Scale"/>, plus <see cref="Offset"/>, in <see cref="Unit"/>.</summary>
public sealed record ProfileMeasurement
{
    public required string Name { get; init; }
    public required Oid Oid { get; init; }
    public required string Unit { get; init; }
    public double Scale { get; init; } = 1;

    /// <summary>Added after scaling: an unsigned reading of a value that can be negative (tenths of a degree above −40 °C: offset −40).</summary>
    public double Offset { get; init; }
}

/// <summary>A setting the transmitter reports (RF on, main/reserve, exciter, output, mode, power level): a word from <see cref="Values"/> (by the object's integer), or, without values, the number times <see cref="Scale"/>.</summary>
public sealed record ProfileState
{
    public required string Name { get; init; }
    public required Oid Oid { get; init; }
    public IReadOnlyDictionary<string, string>? Values { get; init; }
    public double Scale { get; init; } = 1;
}

/// <summary>
/// A command: one SET of <see cref="Oid"/>. With <see cref="Values"/> its <see cref="Parameter"/> is one of their words and
/// the object gets the word's integer; with <see cref="Min"/>/<see cref="Max"/> it is a number in range, sent divided by
/// <see cref="Scale"/>; with neither, it takes no argument and sends <see cref="Value"/> (a fault reset).
/// <see cref="Setting"/> names the state it sets: the argument is that setting's desired value, asserted again after a reconnect.
/// </summary>
public sealed record ProfileCommand
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required Oid Oid { get; init; }
    public string? Parameter { get; init; }
    public string? Setting { get; init; }
    public IReadOnlyDictionary<string, int>? Values { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public string? Unit { get; init; }
    public double Scale { get; init; } = 1;
    public int Value { get; init; } = 1;
}

/// <summary>
/// A fault flag: when the object's integer is one of <see cref="Active"/>, or has bit <see cref="Bit"/> set (an alarm
/// bit field, bit 0 the least significant), the alarm <c>device NAME/Name</c> stands.
/// </summary>
public sealed record ProfileAlarm
{
    public required string Name { get; init; }
    public required Oid Oid { get; init; }
    public IReadOnlyList<int> Active { get; init; } = [];
    public int? Bit { get; init; }
    public AlarmSeverity Severity { get; init; } = AlarmSeverity.Major;
    public required string Message { get; init; }
}
