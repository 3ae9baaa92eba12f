using System.Globalization;
using Playout.HwSim.Serial;

namespace Playout.HwSim.Encoder;

/// <summary>
/// The encoder twin's serial port: the ASCII protocol of configs/devices/encoder-serial.json, answered from an
/// <see cref="EncoderState"/> (the SNMP twin's <see cref="EncoderTwin.State"/>, so a fault injected there shows on both).
/// <see cref="EncoderFault.CommunicationsLoss"/> silences this port too. Commands answer <c>ACK</c>, or <c>NAK TEXT</c>:
/// this model encodes at most <see cref="MaxKbps"/>, and more is refused.
/// </summary>
public sealed class EncoderSerialFrontEnd(string port, EncoderState state, string identity = "PLAYOUT,ENCODER-TWIN,0,1.0") : SerialTwin(port, 19200)
{
    public const int MaxKbps = 40_000;

    private int _commands;

    /// <summary>How many commands the front end carried out.</summary>
    public int Commands => Volatile.Read(ref _commands);

    protected override bool Unresponsive => state.Has(EncoderFault.CommunicationsLoss);

    protected override string? Answer(string request)
    {
        string[] words = request.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (words)
        {
            case ["*IDN?"]:
                return identity;
            case ["STATUS?"]:
                return string.Create(CultureInfo.InvariantCulture,
                    $"STATUS SVC={(state.Running ? "RUN" : "STOP")} BR={state.BitrateKbps} IN={(state.InputPresent ? "OK" : "LOST")} OUT={state.OutputKbps} FLT={(state.Has(EncoderFault.EncoderFailure) ? 1 : 0)}");
            case ["SVC", "START" or "STOP"]:
                return Done(() => state.Running = words[1] == "START");
            case ["BR", var rate] when int.TryParse(rate, NumberStyles.None, CultureInfo.InvariantCulture, out int kbps):
                return kbps <= MaxKbps ? Done(() => state.BitrateKbps = kbps) : $"NAK BITRATE ABOVE {MaxKbps}";
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
