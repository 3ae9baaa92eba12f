using Playout.Devices.Serial;
using Playout.Engine.Alarms;
using Playout.Engine.Tests;
using Playout.TestSupport;

namespace Playout.Devices.Tests.Serial;

/// <summary>A socat pseudo-terminal pair (or a pseudo-terminal behind a TCP port, with <c>tcp</c>) with a serial-ascii device
/// polling fast on the host end; the test puts a twin on the device end.</summary>
internal sealed class SerialRig : IAsyncDisposable
{
    public static string TransmitterSerialProfile => Repository.File("configs/devices/transmitter-serial.json");
    public static string EncoderProfile => Repository.File("configs/devices/encoder-serial.json");
    public static string RdsEncoderProfile => Repository.File("configs/devices/rds-encoder.json");

    public SerialLinePair Line { get; }
    public LinesLogger Log { get; } = new();
    public AlarmBoard Alarms { get; }
    public Device Device { get; private set; } = null!;

    private readonly List<IDisposable> _twins = [];

    public SerialRig(bool tcp = false)
    {
        Line = new SerialLinePair(tcp);
        Alarms = new AlarmBoard(Log);
    }


    /// <summary>A twin the rig disposes of after the device.</summary>
    public T Twin<T>(Func<string, T> open) where T : IDisposable
    {
        var twin = open(Line.Device);
        _twins.Add(twin);
        return twin;
    }

    /// <summary>Opens and starts the device (polling every 50 ms, <paramref name="timeoutMs"/> a try, one retry) on the rig's line.</summary>
    public Device Open(string profile, int timeoutMs = 300, string name = "tx")
    {
        Device = new SerialAsciiDriver().Open(name, new Dictionary<string, string>
        {
            ["port"] = Line.Host,
            ["profile"] = profile,
            ["pollMs"] = "50",
            ["timeoutMs"] = timeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["retries"] = "1",
        }, new DeviceContext(Alarms, Log, TimeProvider.System));
        Device.Start();
        return Device;
    }

    public double? Measured(string name) => Device.Status().Measurements.FirstOrDefault(m => m.Name == name)?.Value;

    public DeviceSetting? Setting(string name) => Device.Status().Settings.FirstOrDefault(s => s.Name == name);

    public Task Send(string command, params (string Key, string Value)[] arguments) =>
        Device.SendAsync(command, arguments.ToDictionary(a => a.Key, a => a.Value), default);

    public Task Connected() => Until(() => Device.Status().Connection == ConnectionState.Connected, "connected");

    public Task Lost() => Until(() => Device.Status().Connection == ConnectionState.Lost, "link lost");

    /// <summary>Waits (10 s at most, generous for a loaded machine) until <paramref name="condition"/> holds.</summary>
    public static async Task Until(Func<bool> condition, string what, double seconds = 10)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(seconds))
                Assert.Fail($"not within {seconds} s: {what}");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Device is not null)
            await Device.DisposeAsync();
        foreach (var twin in _twins)
            twin.Dispose();
        Line.Dispose();
        Alarms.Dispose();
    }
}
