using Microsoft.Extensions.Logging;
using Playout.Devices;
using Playout.Devices.Redundancy;
using Playout.Engine.Alarms;

namespace Playout.Server.Hosting;

/// <summary>
/// The configured main/reserve transmitter pairs, started after the devices and disposed before them; each changeover is
/// logged (by the pair) and written to the as-run log of every automated channel as an operator note.
/// </summary>
public sealed class ServiceTransmitterPairs(IReadOnlyList<TransmitterPair> pairs) : IAsyncDisposable
{
    public IReadOnlyList<TransmitterPair> All => pairs;

    public TransmitterPair? Find(string name) => pairs.FirstOrDefault(p => p.Name == name);

    /// <summary>Starts the pairs of <paramref name="config"/> on <paramref name="devices"/> (checked with the configuration); <paramref name="channels"/> is read at each changeover, so channels started later are noted too.</summary>
    public static ServiceTransmitterPairs Start(ServiceConfig config, DeviceRegistry devices, IReadOnlyList<ChannelRuntime> channels, AlarmBoard alarms, ILogger logger)
    {
        var context = new DeviceContext(alarms, logger, TimeProvider.System);
        var pairs = config.TransmitterPairs.Select(p => new TransmitterPair(p.Name, devices.Find(p.Main)!, devices.Find(p.Reserve)!, p.Policy, context,
            p.Channel == 0 ? null : new ChannelBreaks(channels, config.Channels[p.Channel - 1].Name))).ToList();
        foreach (var pair in pairs)
        {
            pair.ChangedOver += changeover => Note(changeover, channels);
            pair.Start();
        }
        return new ServiceTransmitterPairs(pairs);
    }

    private static void Note(TransmitterChangeover changeover, IReadOnlyList<ChannelRuntime> channels)
    {
        string what = $"transmitters {changeover.Pair}: changeover to {changeover.To.ToString().ToLowerInvariant()} ({changeover.Why})";
        foreach (var channel in channels.ToList())
            channel.Automation?.Automation.NoteOperator(channel.Channel.Tick, "transmitters", changeover.Who, what);
    }

    /// <summary>A channel's break on air, found by name at each look (channels may start after the pairs).</summary>
    private sealed class ChannelBreaks(IReadOnlyList<ChannelRuntime> channels, string name) : IBreakWindow
    {
        public string? Current() => channels.ToList().FirstOrDefault(c => c.Channel.Name == name)?.Automation?.Automation.BreakOnAir();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pair in pairs)
            await pair.DisposeAsync().ConfigureAwait(false);
    }
}
