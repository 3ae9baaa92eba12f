namespace Playout.Devices.Encoders;

/// <summary>
/// "stream-output": one of the service's own stream outputs as an encoder (docs/DEVICES.md). Settings: <c>channel</c> (its
/// number from 1, or its name), <c>output</c> (its position in the channel's outputs from 1, or its url), <c>pollMs</c>.
/// </summary>
public sealed class StreamOutputDriver : IDeviceDriver
{
    public string Name => "stream-output";

    public Device Open(string name, IReadOnlyDictionary<string, string> settings, DeviceContext context)
    {
        DriverSettings.OnlyKnown(settings, Name, "channel", "output", "pollMs");
        string channel = DriverSettings.Required(settings, "channel", "the channel's number from 1, or its name");
        string output = DriverSettings.Required(settings, "output", "the stream output's position in the channel's outputs from 1, or its url");
        var poll = TimeSpan.FromMilliseconds(DriverSettings.WholeNumber(settings, "pollMs", 50, 60_000, 1000));
        var outputs = context.StreamOutputs ?? throw new ArgumentException("this service gives devices no stream outputs to drive");
        return new StreamOutputDevice(name, outputs.Find(channel, output), poll, context);
    }
}
