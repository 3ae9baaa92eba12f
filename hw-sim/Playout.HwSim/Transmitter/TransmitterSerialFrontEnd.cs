using System.Globalization;
using Playout.HwSim.Serial;

namespace Playout.HwSim.Transmitter;

/// <summary>
/// The transmitter twin's serial port: the ASCII protocol of configs/devices/transmitter-serial.json, answered from a
/// <see cref="TransmitterState"/> (the SNMP twin's <see cref="TransmitterTwin.State"/>, so a fault injected there shows on
/// both). <see cref="TransmitterFault.CommunicationsLoss"/> silences this port too. Commands answer <c>OK</c>, or
/// <c>ERR nn TEXT</c>: RF on while a VSWR trip is latched is refused, as a real controller's interlock would.
/// </summary>
public sealed class TransmitterSerialFrontEnd(string port, TransmitterState state, string description = "Playout transmitter twin 1 kW") : SerialTwin(port, 9600)
{
    private int _commands;

    /// <summary>How many commands the front end carried out (a test sees one never sent, or sent twice).</summary>
    public int Commands => Volatile.Read(ref _commands);

    protected override bool Unresponsive => state.Has(TransmitterFault.CommunicationsLoss);

    protected override string? Answer(string request)
    {
        string[] words = request.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (words)
        {
            case ["ID?"]:
                return $"ID {description}";
            case ["MEAS?"]:
                return string.Create(CultureInfo.InvariantCulture,
                    $"MEAS FWD={state.ForwardWatts:0} REF={state.ReflectedWatts:0.0} VSWR={state.Vswr:0.00} TEMP={state.TemperatureCelsius:0.0}");
            case ["STAT?"]:
                return $"STAT RF={(state.RfOn ? "ON" : "OFF")} PATH={(state.Reserve ? "RSV" : "MAIN")} EXC={(state.ExciterB ? "B" : "A")} " +
                    $"OUT={(state.DummyLoad ? "DUMMY" : "ANT")} MODE=REM PWR={state.PowerPercent.ToString("000", CultureInfo.InvariantCulture)}";
            case ["FLT?"]:
                return $"FLT VSWR={Flag(state.VswrTripped)} TEMP={Flag(state.Has(TransmitterFault.OverTemperature))} " +
                    $"EXC={Flag(state.Has(TransmitterFault.ExciterFailure))} MUTE={Flag(state.Has(TransmitterFault.RfMute))}";
            case ["RF", "ON"] when state.VswrTripped:
                return "ERR 21 VSWR LATCHED";
            case ["RF", "ON" or "OFF"]:
                return Done(() => state.RfOn = words[1] == "ON");
            case ["PWR", var level] when int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out int percent):
                return percent <= 110 ? Done(() => state.PowerPercent = percent) : "ERR 10 OUT OF RANGE";
            case ["PATH", "MAIN" or "RSV"]:
                return Done(() => state.Reserve = words[1] == "RSV");
            case ["EXC", "A" or "B"]:
                return Done(() => state.ExciterB = words[1] == "B");
            case ["OUT", "ANT" or "DUMMY"]:
                return Done(() => state.DummyLoad = words[1] == "DUMMY");
            case ["RST"]:
                return Done(state.ResetFaults);
            default:
                return "ERR 01 UNKNOWN COMMAND";
        }
    }

    private string Done(Action command)
    {
        command();
        Interlocked.Increment(ref _commands);
        return "OK";
    }

    private static char Flag(bool raised) => raised ? '1' : '0';
}
