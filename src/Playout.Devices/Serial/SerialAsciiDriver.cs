namespace Playout.Devices.Serial;

/// <summary>"serial-ascii": a transmitter, encoder or other device speaking an ASCII command protocol on a serial line, mapped by a profile (docs/DEVICES.md).</summary>
public sealed class SerialAsciiDriver : IDeviceDriver
{
    public string Name => "serial-ascii";

    public Device Open(string name, IReadOnlyDictionary<string, string> settings, DeviceContext context) =>
        new SerialAsciiDevice(name, context, SerialAsciiSettings.Parse(settings, context));
}
