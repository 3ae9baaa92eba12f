using System.Globalization;
using Playout.HwSim.Snmp;

namespace Playout.HwSim.Encoder;

/// <summary>The encoder state in the names of the generic encoder profile (bitrates in Mbit/s), for its <see cref="ProfileTwin"/>.</summary>
internal sealed class EncoderModel(EncoderState state) : IProfileModel
{
    public TwinNames Names { get; } = new(["outputBitrate"], ["service", "bitrate", "input"], ["service", "bitrate"], ["input", "encoder"]);

    public bool Silent => state.Has(EncoderFault.CommunicationsLoss);

    public double Measure(string name) => state.OutputKbps / 1000.0;

    public string State(string name) => name switch
    {
        "service" => state.Running ? "running" : "stopped",
        "bitrate" => (state.BitrateKbps / 1000.0).ToString(CultureInfo.InvariantCulture),
        _ => state.InputPresent ? "present" : "lost",
    };

    public bool Alarm(string name) => name == "input" ? !state.InputPresent : state.Has(EncoderFault.EncoderFailure);

    public void Command(string name, string? argument)
    {
        if (name == "service")
            state.Running = argument == "running";
        else
            state.BitrateKbps = (int)Math.Round(double.Parse(argument!, CultureInfo.InvariantCulture) * 1000);
    }
}
