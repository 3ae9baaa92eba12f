namespace Playout.Devices.Videohub;

/// <summary>"videohub": a Blackmagic Videohub router (or anything speaking its Ethernet protocol) on TCP 9990.</summary>
public sealed class VideohubDriver : IDeviceDriver
{
    public string Name => "videohub";

    public Device Open(string name, IReadOnlyDictionary<string, string> settings, DeviceContext context) =>
        new VideohubDevice(name, VideohubSettings.Parse(settings), context);
}
