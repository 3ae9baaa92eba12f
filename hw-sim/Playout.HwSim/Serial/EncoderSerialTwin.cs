using System.Globalization;

namespace Playout.HwSim.Serial;

/// <summary>
/// An encoder on a serial line, speaking the protocol of configs/devices/encoder-serial.json: service start/stop, the video
/// bitrate (it takes at most <see cref="MaxKbps"/>: more is refused with <c>NAK</c>), the input's state and a fault
/// (<see cref="Failed"/>: the encoder stops putting out anything and raises its fault flag). <see cref="InputLost"/> is the
/// input gone: the service runs on, putting out nothing.
/// </summary>
public sealed class EncoderSerialTwin(string port) : SerialTwin(port, 19200)
{
    public const int MaxKbps = 40_000;

    private int _commands;

    public bool Running { get; set; }
    public int BitrateKbps { get; set; } = 8000;
    public bool InputLost { get; set; }
    public bool Failed { get; set; }

    /// <summary>How many commands the encoder carried out.</summary>
    public int Commands => Volatile.Read(ref _commands);

    /// <summary>What it puts out, in kbit/s: its bitrate less a little, while running with an input and no fault.</summary>
    public int OutputKbps => Running && !InputLost && !Failed ? BitrateKbps - BitrateKbps / 500 : 0;

    protected override string? Answer(string request)
    {
        string[] words = request.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (words)
        {
            case ["*IDN?"]:
                return "PLAYOUT,ENCODER-TWIN,0,1.0";
            case ["STATUS?"]:
                return string.Create(CultureInfo.InvariantCulture,
                    $"STATUS SVC={(Running ? "RUN" : "STOP")} BR={BitrateKbps} IN={(InputLost ? "LOST" : "OK")} OUT={OutputKbps} FLT={(Failed ? 1 : 0)}");
            case ["SVC", "START" or "STOP"]:
                return Done(() => Running = words[1] == "START");
            case ["BR", var rate] when int.TryParse(rate, NumberStyles.None, CultureInfo.InvariantCulture, out int kbps):
                return kbps <= MaxKbps ? Done(() => BitrateKbps = kbps) : $"NAK BITRATE ABOVE {MaxKbps}";
            default:
                return "NAK UNKNOWN";
        }
    }

    private string Done(Action command)
    {
        command();
        Interlocked.Increment(ref _commands);
        return "ACK";
    }
}
