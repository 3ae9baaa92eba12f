using System.Globalization;
using Playout.HwSim.Snmp;

namespace Playout.HwSim.Transmitter;

/// <summary>The transmitter state in the names of the generic transmitter profile, for its <see cref="ProfileTwin"/>.</summary>
internal sealed class TransmitterModel(TransmitterState state) : IProfileModel
{
    public TwinNames Names { get; } = new(
        ["forwardPower", "reflectedPower", "vswr", "temperature"],
        ["rf", "path", "exciter", "output", "mode", "power"],
        ["rf", "power", "changeover", "exciter", "output", "reset"],
        ["vswr", "temperature", "exciter", "mute"]);

    public bool Silent => state.Has(TransmitterFault.CommunicationsLoss);

    public double Measure(string name) => name switch
    {
        "forwardPower" => state.ForwardWatts,
        "reflectedPower" => state.ReflectedWatts,
        "vswr" => state.Vswr,
        _ => state.TemperatureCelsius,
    };

    public string State(string name) => name switch
    {
        "rf" => state.RfOn ? "on" : "off",
        "path" => state.Reserve ? "reserve" : "main",
        "exciter" => state.ExciterB ? "B" : "A",
        "output" => state.DummyLoad ? "dummyLoad" : "antenna",
        "power" => state.PowerPercent.ToString(CultureInfo.InvariantCulture),
        _ => "remote", // mode: always remote
    };

    public bool Alarm(string name) => name switch
    {
        "vswr" => state.VswrTripped,
        "temperature" => state.Has(TransmitterFault.OverTemperature),
        "exciter" => state.Has(TransmitterFault.ExciterFailure),
        _ => state.Has(TransmitterFault.RfMute),
    };

    public void Command(string name, string? argument)
    {
        switch (name)
        {
            case "rf": state.RfOn = argument == "on"; break;
            case "power": state.PowerPercent = (int)Math.Round(double.Parse(argument!, CultureInfo.InvariantCulture)); break;
            case "changeover": state.Reserve = argument == "reserve"; break;
            case "exciter": state.ExciterB = argument == "B"; break;
            case "output": state.DummyLoad = argument == "dummyLoad"; break;
            default: state.ResetFaults(); break;
        }
    }
}
