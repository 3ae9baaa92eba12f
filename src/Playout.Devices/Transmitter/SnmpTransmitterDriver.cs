namespace Playout.Devices.Transmitter;

/// <summary>"snmp-transmitter": a transmitter controller over SNMPv2c, its objects mapped by a profile (docs/DEVICES.md).</summary>
public sealed class SnmpTransmitterDriver : IDeviceDriver
{
    public string Name => "snmp-transmitter";

    public Device Open(string name, IReadOnlyDictionary<string, string> settings, DeviceContext context) =>
        new SnmpTransmitterDevice(name, context, SnmpTransmitterSettings.Parse(settings, context));
}
