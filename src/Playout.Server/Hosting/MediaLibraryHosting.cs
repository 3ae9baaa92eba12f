using Playout.Automation.Library;
using Playout.Engine.Alarms;

namespace Playout.Server.Hosting;

/// <summary>The service's side of the media library (Playout.Automation.Library): its configuration and its channels.</summary>
internal static class MediaLibraryHosting
{
    extension(MediaLibrary)
    {
        /// <summary>Opens the library the configuration describes: the media folder and <see cref="MediaLibraryConfig.Folders"/>, catalogued in state/media.db unless told otherwise.</summary>
        public static Task<MediaLibrary> Open(ServiceConfig service, Microsoft.Extensions.Logging.ILogger log, CancellationToken stop) =>
            MediaLibrary.Open(Options(service), log, stop);
    }

    extension(MediaLibrary library)
    {
        /// <summary>Watches the folders and checks the automated channels' schedules, again after each accepted edit.</summary>
        public void Watch(IReadOnlyList<ChannelRuntime> channels, AlarmBoard alarms)
        {
            var automated = channels.Where(channel => channel.Automation is not null).ToList();
            library.Watch(automated.Select(channel => new MediaWatchChannel(channel.Channel.Name, channel.Automation!.Automation, channel.Automation.Time)).ToList(),
                alarms);
            foreach (var channel in automated)
                channel.Automation!.Edited += library.Recheck;
        }
    }

    private static MediaLibraryOptions Options(ServiceConfig service)
    {
        var config = service.MediaLibrary;
        return new MediaLibraryOptions(
            service.CatalogPath,
            new MediaScannerOptions { Folders = [service.MediaPath("."), .. config.Folders.Select(service.FilePath)] },
            service.MediaPath);
    }
}
