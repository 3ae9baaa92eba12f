namespace Playout.Devices.Transmitter;

/// <summary>
/// "snmp-encoder": an external IP encoder over SNMPv2c. The snmp-transmitter device under another name: the profile
/// (configs/devices/encoder-generic.json) maps the encoder's service, bitrate and input to the device model (docs/DEVICES.md).
/// </summary>
public sealed class SnmpEncoderDriver : IDeviceDriver
{
    public string Name => "snmp-encoder";

    public Device Open(string name, IReadOnlyDictionary<string, string> settings, DeviceContext context) =>
        new SnmpTransmitterDevice(name, context, SnmpTransmitterSettings.Parse(settings, context, Name), Name);
}
