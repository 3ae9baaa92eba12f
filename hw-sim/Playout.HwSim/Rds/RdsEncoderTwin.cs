using Playout.HwSim.Serial;

namespace Playout.HwSim.Rds;

/// <summary>
/// An RDS encoder's ASCII port (configs/devices/rds-encoder.json): <c>TEXT=</c> (or <c>RT1=</c>) sets the RadioText, at most
/// 64 printable ASCII characters; <c>PS=</c> the programme service name, at most 8; <c>TEXT?</c> answers <c>TEXT=</c> and the
/// RadioText on air. Done is <c>+</c>, an unknown command <c>!</c>, a value the encoder cannot carry <c>-</c>.
/// </summary>
public sealed class RdsEncoderTwin(string port) : SerialTwin(port, 9600)
{
    private readonly List<string> _radioTexts = [];

    /// <summary>The RadioText on air ("" before any).</summary>
    public string RadioText { get; private set; } = "";

    /// <summary>The programme service name on air.</summary>
    public string ProgrammeService { get; private set; } = "PLAYOUT";

    /// <summary>Every RadioText set, oldest first.</summary>
    public IReadOnlyList<string> RadioTexts
    {
        get
        {
            lock (_radioTexts)
                return [.. _radioTexts];
        }
    }

    protected override string? Answer(string request)
    {
        if (request == "TEXT?")
            return $"TEXT={RadioText}";
        int equals = request.IndexOf('=', StringComparison.Ordinal);
        string command = equals < 0 ? request : request[..equals], value = equals < 0 ? "" : request[(equals + 1)..];
        switch (command)
        {
            case "TEXT" or "RT1" when Carried(value, 64):
                RadioText = value;
                lock (_radioTexts)
                    _radioTexts.Add(value);
                return "+";
            case "PS" when Carried(value, 8):
                ProgrammeService = value;
                return "+";
            case "TEXT" or "RT1" or "PS":
                return "-";
            default:
                return "!";
        }
    }

    /// <summary>RDS carries printable ASCII here, up to the field's length.</summary>
    private static bool Carried(string value, int length) => value.Length <= length && value.All(c => c is >= ' ' and <= '~');
}
