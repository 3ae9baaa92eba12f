using Microsoft.Extensions.Logging;
using Playout.Devices;

namespace Playout.Server.Hosting;

/// <summary>
/// Sends each device configured with <c>nowPlaying</c> its channel's now-playing text (<see cref="Engine.Channels.ChannelContext.NowPlaying"/>:
/// the event title, else the file's name) with its <see cref="Command"/> command as each item airs: an RDS encoder's
/// RadioText, a DAB+ DLS. Off the tick, on a task per device; a text the device did not take is tried again after
/// <see cref="Retry"/> (the device's own link alarm says why), and only the newest text is ever sent.
/// </summary>
public sealed class NowPlayingFeeds : IAsyncDisposable
{
    /// <summary>The command a now-playing device takes: one text parameter.</summary>
    public const string Command = "text";

    private static readonly TimeSpan Look = TimeSpan.FromMilliseconds(250), Retry = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _feeds = [];

    private NowPlayingFeeds()
    {
    }

    /// <summary>What stops a device with <paramref name="commands"/> (null: it takes any, as the log device) from taking now-playing text, or null.</summary>
    public static string? Problem(IReadOnlyList<DeviceCommandSpec>? commands) =>
        commands is null || commands.Any(c => c.Name == Command && c.Parameters is [{ MaxLength: not null }]) ? null
            : $"has no '{Command}' command taking one text parameter for the now-playing text";

    public static NowPlayingFeeds Start(ServiceConfig config, DeviceRegistry devices, IReadOnlyList<ChannelRuntime> channels, ILogger logger)
    {
        var feeds = new NowPlayingFeeds();
        foreach (var configured in config.Devices.Where(d => d.NowPlaying != 0))
            if (devices.Find(configured.Name) is { } device && channels.ElementAtOrDefault(configured.NowPlaying - 1) is { } channel)
                feeds._feeds.Add(Task.Run(() => feeds.Feed(device, channel, logger)));
        return feeds;
    }

    private async Task Feed(Device device, ChannelRuntime channel, ILogger logger)
    {
        string parameter = device.Commands?.First(c => c.Name == Command).Parameters[0].Name ?? Command;
        var context = channel.Channel.Context;
        string? sent = null, failed = null;
        using var timer = new PeriodicTimer(Look);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                if (context.NowPlaying is not { } now || now == sent)
                    continue;
                try
                {
                    await device.SendAsync(Command, new Dictionary<string, string> { [parameter] = now }, _stop.Token).ConfigureAwait(false);
                    (sent, failed) = (now, null);
                }
                catch (DeviceCommandException error)
                {
                    if (failed != now)
                        logger.LogWarning("device {Device}: now playing on {Channel} not sent: {Reason}", device.Name, context.Name, error.Message);
                    failed = now;
                    await Task.Delay(Retry, _stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The service stops.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_feeds).ConfigureAwait(false);
        _stop.Dispose();
    }
}
