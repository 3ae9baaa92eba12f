using System.Globalization;
using Playout.Devices;
using Playout.Engine.Consumers;

namespace Playout.Server.Hosting;

/// <summary>
/// The configured channels' stream outputs for stream-output devices: found in the configuration as the devices open
/// (before the channels are on air; a wrong one is a configuration error), driven once their channel is on air.
/// </summary>
public sealed class ChannelStreamOutputs(ServiceConfig service, IReadOnlyList<ChannelRuntime> channels) : IStreamOutputs
{
    public IStreamOutput Find(string channel, string output)
    {
        int c = ChannelIndex(channel.Trim());
        var config = service.Channels[c];
        int o = OutputIndex(config, output.Trim());
        var found = config.Outputs[o];
        if (found.Type != OutputKind.Stream)
            throw new ArgumentException($"output: output {o + 1} of channel {config.Name} is a {found.Type.ConfigName()} output, not a stream");
        if (found.Scte35)
            throw new ArgumentException($"output: output {o + 1} of channel {config.Name} carries SCTE-35 cues, which a restarted encoder would lose: it cannot be driven");
        return new Link(channels, c, o, $"{config.Name} output {o + 1} ({found.Url})");
    }

    private static int OutputIndex(ChannelConfig config, string output)
    {
        if (int.TryParse(output, NumberStyles.None, CultureInfo.InvariantCulture, out int position))
            return position >= 1 && position <= config.Outputs.Count ? position - 1
                : throw new ArgumentException($"output: channel {config.Name} has no output {position} (it has {config.Outputs.Count})");
        int index = config.Outputs.ToList().FindIndex(o => o.Url == output);
        return index >= 0 ? index : throw new ArgumentException($"output: channel {config.Name} has no output to '{output}'");
    }

    private int ChannelIndex(string channel)
    {
        if (int.TryParse(channel, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            return number >= 1 && number <= service.Channels.Count ? number - 1
                : throw new ArgumentException($"channel: there is no channel {number} (channels are 1..{service.Channels.Count})");
        int index = service.Channels.ToList().FindIndex(c => c.Name == channel);
        return index >= 0 ? index
            : throw new ArgumentException($"channel: no channel is named '{channel}' (channels: {string.Join(", ", service.Channels.Select(c => c.Name))})");
    }

    /// <summary>The output of a channel that may not be on air yet: everything is asked of the running channel's output when it is.</summary>
    private sealed class Link(IReadOnlyList<ChannelRuntime> channels, int channel, int output, string name) : IStreamOutput
    {
        public string Name => name;

        private ConfiguredOutput? Live => channels.Count > channel ? channels[channel].Outputs[output] : null;

        public bool OnAir => Live?.OnAir == true;

        public StreamConsumer? Encoder => Live?.Encoder;

        public Task StartAsync(CancellationToken cancel) => (Live ?? NotOnAir()).StartAsync(cancel);

        public Task StopAsync(CancellationToken cancel) => (Live ?? NotOnAir()).StopAsync(cancel);

        public Task SetBitrateAsync(long bitsPerSecond, CancellationToken cancel) => (Live ?? NotOnAir()).SetBitrateAsync(bitsPerSecond, cancel);

        private ConfiguredOutput NotOnAir() => throw new DeviceCommandException($"{name}: the channel is not on air");
    }
}
