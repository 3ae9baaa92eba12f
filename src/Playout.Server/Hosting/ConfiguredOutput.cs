using Microsoft.Extensions.Logging;
using Playout.Devices;
using Playout.Engine.Channels;
using Playout.Engine.Consumers;

namespace Playout.Server.Hosting;

/// <summary>
/// One configured output of a channel on air and the consumer the channel has for it now: a stream-output device stops it
/// (the consumer taken off the channel, the rest of the channel untouched), starts a fresh one, or opens it again with
/// another video bitrate. One change at a time; each waits until the old encoder has finished its stream or file.
/// </summary>
public sealed class ConfiguredOutput : IStreamOutput
{
    private readonly Channel _channel;
    private readonly Func<long?, IConsumer> _make;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile IConsumer? _current;
    private long? _bitrate;

    /// <param name="make">Makes the output's consumer from the configuration, with the video bitrate given (null: the configured one).</param>
    public ConfiguredOutput(string name, Channel channel, Func<long?, IConsumer> make)
    {
        Name = name;
        _channel = channel;
        _make = make;
        _current = make(null);
        channel.AddConsumer(_current);
    }

    public string Name { get; }

    public bool OnAir => _channel.IsRunning;

    /// <summary>The consumer on the channel now; null while stopped.</summary>
    public IConsumer? Consumer => _current;

    public StreamConsumer? Encoder => _current as StreamConsumer;

    public Task StartAsync(CancellationToken cancel) => Change(cancel, () =>
    {
        Add();
        return Task.CompletedTask;
    });

    public Task StopAsync(CancellationToken cancel) => Change(cancel, Remove);

    public Task SetBitrateAsync(long bitsPerSecond, CancellationToken cancel) => Change(cancel, async () =>
    {
        _bitrate = bitsPerSecond;
        if (_current is null)
            return;
        long before = _channel.Tick;
        await Remove().ConfigureAwait(false);
        Add();
        _channel.Context.Logger.LogInformation("{Output}: encoder opened again at {Bitrate} bit/s; {Frames} frame(s) went out to neither encoder",
            Name, bitsPerSecond, _channel.Tick - before);
    });

    private async Task Change(CancellationToken cancel, Func<Task> change)
    {
        await _gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            if (!OnAir)
                throw new DeviceCommandException($"{Name}: the channel is not on air");
            await change().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Add()
    {
        if (_current is not null)
            return;
        try
        {
            _current = _make(_bitrate);
        }
        catch (Exception error) when (error is ConfigException or ArgumentException or InvalidOperationException)
        {
            throw new DeviceCommandException($"{Name}: the encoder could not be made: {error.Message}");
        }
        _channel.AddConsumer(_current);
    }

    private async Task Remove()
    {
        if (_current is not { } current)
            return;
        if (!await _channel.RemoveConsumer(current).ConfigureAwait(false))
            throw new DeviceCommandException($"{Name}: the channel did not take the encoder off (it is stopping)");
        _current = null;
        // The channel disposes it on its off-tick thread, in order: once this has run there, its stream or file is finished.
        await _channel.Context.Background.Run(() => true).ConfigureAwait(false);
        // A stopped output is neither failed nor behind: its own alarm goes with it (a fresh encoder raises its own).
        if (current is StreamConsumer encoder)
            _channel.Context.Alarms.Clear(encoder.AlarmSource);
    }
}
