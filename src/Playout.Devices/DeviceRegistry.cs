namespace Playout.Devices;

/// <summary>The service's devices by name, opened from the configuration and started together; disposing closes them all.</summary>
public sealed class DeviceRegistry : IAsyncDisposable
{
    private readonly Dictionary<string, Device> _devices = new(StringComparer.Ordinal);

    public DeviceRegistry(IEnumerable<Device> devices)
    {
        foreach (var device in devices)
            _devices.Add(device.Name, device);
    }

    /// <summary>Every device, in configuration order.</summary>
    public IReadOnlyList<Device> All => [.. _devices.Values];

    public Device? Find(string name) => _devices.GetValueOrDefault(name);

    public void Start()
    {
        foreach (var device in _devices.Values)
            device.Start();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var device in _devices.Values)
            await device.DisposeAsync().ConfigureAwait(false);
    }
}
