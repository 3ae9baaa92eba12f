using Playout.Engine.Consumers;

namespace Playout.Devices;

/// <summary>One configured stream output of a channel: its encoder on air, stopped, started again or re-opened with another bitrate.</summary>
public interface IStreamOutput
{
    /// <summary>The channel and the output, as logs and the device's identity name them.</summary>
    string Name { get; }

    /// <summary>Whether its channel is on air (before that, and after, nothing can be started or stopped).</summary>
    bool OnAir { get; }

    /// <summary>The encoder on the channel now; null while the output is stopped or its channel is not on air.</summary>
    StreamConsumer? Encoder { get; }

    /// <summary>Puts a fresh encoder on the channel (nothing when one is there).</summary>
    /// <exception cref="DeviceCommandException">The channel is not on air, or the encoder could not be made.</exception>
    Task StartAsync(CancellationToken cancel);

    /// <summary>Takes the encoder off the channel and waits until its stream or file is finished; the channel and its other outputs stay on air.</summary>
    /// <exception cref="DeviceCommandException">The channel is not on air.</exception>
    Task StopAsync(CancellationToken cancel);

    /// <summary>The video bitrate of every encoder from now on: a running one is stopped and a new one started with it.</summary>
    /// <exception cref="DeviceCommandException">The channel is not on air, or the new encoder could not be made.</exception>
    Task SetBitrateAsync(long bitsPerSecond, CancellationToken cancel);
}
