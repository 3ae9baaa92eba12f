namespace Playout.Devices;

/// <summary>
/// The service's channels' stream outputs, as the <c>stream-output</c> driver drives them: this project does not know
/// channels, the service does (<see cref="DeviceContext.StreamOutputs"/>).
/// </summary>
public interface IStreamOutputs
{
    /// <summary>The stream output a device's settings name: <paramref name="channel"/> by number (from 1) or name, <paramref name="output"/> by its position in the channel's outputs (from 1) or its url.</summary>
    /// <exception cref="ArgumentException">No such channel or output, or the output is not one a device can drive; the message says which.</exception>
    IStreamOutput Find(string channel, string output);
}
