using System.Globalization;
using Microsoft.Extensions.Logging;
using Playout.Engine.Alarms;

namespace Playout.Devices.Encoders;

/// <summary>
/// One of the service's stream outputs as an encoder: started and stopped (<c>service</c>) and given a video bitrate by
/// command, watched every poll (frames encoded and dropped, the bitrate it encodes at). The link is its channel: connected
/// while the channel is on air. An encoder that failed (FFmpeg could not open or write its url) raises
/// <c>device NAME/encoder</c> with the reason until one runs again.
/// </summary>
internal sealed class StreamOutputDevice : Device
{
    public const long MinBitrate = 100_000, MaxBitrate = 100_000_000;

    private readonly IStreamOutput _output;
    private readonly TimeSpan _poll;
    private readonly CancellationTokenSource _stop = new();
    private readonly string _encoderAlarm;
    private Task? _watch;

    public StreamOutputDevice(string name, IStreamOutput output, TimeSpan poll, DeviceContext context) : base(name, "stream-output", context)
    {
        _output = output;
        _poll = poll;
        _encoderAlarm = $"device {name}/encoder";
        SetIdentity($"stream output {output.Name}");
    }

    public override IReadOnlyList<DeviceCommandSpec>? Commands { get; } =
    [
        new DeviceCommandSpec("service", "start or stop the encoder (the channel stays on air)", [new DeviceParameterSpec("state", Values: ["start", "stop"])]),
        new DeviceCommandSpec("bitrate", "the video bitrate: the encoder is opened again with it",
            [new DeviceParameterSpec("bps", Min: MinBitrate, Max: MaxBitrate, Unit: "bit/s", Integer: true)]),
    ];

    public override void Start() => _watch = Task.Run(Watch);

    protected override async Task ExecuteAsync(string command, IReadOnlyDictionary<string, string> arguments, CancellationToken cancel)
    {
        try
        {
            if (command == "service")
            {
                bool start = arguments["state"] == "start";
                SetSetting("service", desired: start ? "running" : "stopped");
                await (start ? _output.StartAsync(cancel) : _output.StopAsync(cancel)).ConfigureAwait(false);
            }
            else
            {
                long bps = long.Parse(arguments["bps"], CultureInfo.InvariantCulture);
                SetSetting("bitrate", desired: bps.ToString(CultureInfo.InvariantCulture));
                await _output.SetBitrateAsync(bps, cancel).ConfigureAwait(false);
            }
        }
        finally
        {
            // The status shows what the command left, not what the last poll saw.
            Poll();
        }
    }

    private async Task Watch()
    {
        while (!_stop.IsCancellationRequested)
        {
            Poll();
            try
            {
                await Task.Delay(_poll, Context.Time, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Poll()
    {
        if (!_output.OnAir)
        {
            SetConnection(ConnectionState.Connecting, $"{_output.Name}: the channel is not on air");
            return;
        }
        SetConnection(ConnectionState.Connected);
        var encoder = _output.Encoder;
        SetSetting("service", actual: encoder is null ? "stopped" : "running");
        Measure("encoded", encoder?.Encoded ?? 0, "frames");
        Measure("dropped", encoder?.Counters.Dropped ?? 0, "frames");
        Measure("bitrate", encoder?.Settings.VideoBitrate ?? 0, "bit/s");
        if (encoder is not null)
            SetSetting("bitrate", actual: encoder.Settings.VideoBitrate.ToString(CultureInfo.InvariantCulture));
        if (encoder?.Failure is { } failure)
        {
            if (!Context.Alarms.IsActive(_encoderAlarm))
            {
                Context.Alarms.Raise(_encoderAlarm, AlarmSeverity.Major, $"{Name}: the encoder failed: {failure}");
                Context.Logger.LogWarning("device {Device}: the encoder of {Output} failed: {Failure}", Name, _output.Name, failure);
            }
        }
        else if (Context.Alarms.IsActive(_encoderAlarm))
            Context.Alarms.Clear(_encoderAlarm);
    }

    protected override async ValueTask DisposeCoreAsync()
    {
        _stop.Cancel();
        if (_watch is not null)
            await _watch.ConfigureAwait(false);
        _stop.Dispose();
        Context.Alarms.Clear(_encoderAlarm);
    }
}
