using System.IO.Ports;
using System.Text.RegularExpressions;
using Playout.Engine.Alarms;

namespace Playout.Devices.Serial;

/// <summary>
/// How one kind of device's ASCII command protocol on a serial line maps to the device model (a JSON file, see
/// docs/DEVICES.md): the line's defaults, the identity query, the poll queries whose replies' named groups become
/// measurements, states and fault flags, and the commands (templates filled from the checked arguments) with their replies.
/// </summary>
public sealed record SerialProfile
{
    public required string Name { get; init; }

    public SerialLineDefaults Line { get; init; } = new();

    /// <summary>Asks the device what it is: the reply's group <c>identity</c> (or the whole reply) is its identity.</summary>
    public SerialQuery? Identity { get; init; }

    /// <summary>Sent in order each poll; each reply's named groups are the measurements', states' and alarms' <c>group</c>s.</summary>
    public IReadOnlyList<SerialQuery> Polls { get; init; } = [];

    public IReadOnlyList<SerialMeasurement> Measurements { get; init; } = [];

    public IReadOnlyList<SerialState> States { get; init; } = [];

    public IReadOnlyList<SerialCommand> Commands { get; init; } = [];

    public IReadOnlyList<SerialAlarm> Alarms { get; init; } = [];

    /// <summary>The reply that says a command was carried out (a command may have its own).</summary>
    public Regex Acknowledge { get; init; } = new("^OK$", RegexOptions.None, SerialProfiles.MatchTimeout);

    /// <summary>The reply that says a command was refused; its group <c>reason</c>, if any, says why (a command may have its own).</summary>
    public Regex? Error { get; init; }
}

/// <summary>The line's settings for this kind of device; the device's <c>baud</c> setting overrides the rate.</summary>
public sealed record SerialLineDefaults
{
    public int Baud { get; init; } = 9600;
    public Parity Parity { get; init; } = Parity.None;
    public int DataBits { get; init; } = 8;

    /// <summary>1, 1.5 or 2.</summary>
    public double StopBits { get; init; } = 1;

    /// <summary>What ends each request sent: "\r", "\n" or "\r\n" (a reply may end with any of them).</summary>
    public string Terminator { get; init; } = "\r";
}

/// <summary>A request and the pattern its reply matches.</summary>
public sealed record SerialQuery
{
    public required string Command { get; init; }
    public required Regex Response { get; init; }
}

/// <summary>A number the device reports in the reply group <see cref="Group"/> (the name by default), times <see cref="Scale"/>, in <see cref="Unit"/>.</summary>
public sealed record SerialMeasurement
{
    public required string Name { get; init; }
    public string? Group { get; init; }
    public required string Unit { get; init; }
    public double Scale { get; init; } = 1;
}

/// <summary>A setting the device reports in the reply group <see cref="Group"/>: a word from <see cref="Values"/> (by the text sent), or, without values, a number times <see cref="Scale"/>.</summary>
public sealed record SerialState
{
    public required string Name { get; init; }
    public string? Group { get; init; }
    public IReadOnlyDictionary<string, string>? Values { get; init; }
    public double Scale { get; init; } = 1;
}

/// <summary>
/// A command: <see cref="Template"/> filled with its <see cref="Parameter"/>'s value. With <see cref="Values"/> the
/// parameter is one of their words and the word's text is sent; with <see cref="Min"/>/<see cref="Max"/> it is a number
/// in range, sent divided by <see cref="Scale"/> in the placeholder's format; with <see cref="Text"/> it is free text, sent
/// as the device takes it; with none of them it takes no argument.
/// <see cref="Setting"/> names the state whose desired value the argument is (asserted again after a reconnect).
/// </summary>
public sealed record SerialCommand
{
    /// <summary>The parameter is free text (an RDS encoder's RadioText), shaped to what the device takes.</summary>
    public SerialText? Text { get; init; }

    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required CommandTemplate Template { get; init; }
    public string? Parameter { get; init; }
    public string? Setting { get; init; }
    public IReadOnlyDictionary<string, string>? Values { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public string? Unit { get; init; }
    public double Scale { get; init; } = 1;

    /// <summary>This command's own acknowledgement, instead of the profile's.</summary>
    public Regex? Acknowledge { get; init; }

    /// <summary>This command's own error reply, instead of the profile's.</summary>
    public Regex? Error { get; init; }
}

/// <summary>A fault flag: while the reply group <see cref="Group"/> holds one of <see cref="Active"/>, the alarm <c>device NAME/Name</c> stands.</summary>
public sealed record SerialAlarm
{
    public required string Name { get; init; }
    public string? Group { get; init; }
    public required IReadOnlyList<string> Active { get; init; }
    public AlarmSeverity Severity { get; init; } = AlarmSeverity.Major;
    public required string Message { get; init; }
}
