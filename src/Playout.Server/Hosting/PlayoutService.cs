using Microsoft.Extensions.Logging;
using Playout.Automation.Library;
using Playout.Engine;
using Playout.Engine.Alarms;
using Playout.Engine.Modules;
using Playout.Media.Kernels;
using Playout.Server.Amcp;
using Playout.Server.Monitoring;
using Playout.Server.Web;
using Serilog;
using Serilog.Extensions.Logging;

namespace Playout.Server.Hosting;

/// <summary>
/// The service: reads the configuration, checks what it needs (StartupChecks), makes the demo media when asked, listens
/// for HTTP, then puts every channel on air and serves the status page and API, until it is told to stop; then takes
/// the channels off air in order. Logs go to the console and to a daily file flushed line by line, so they survive a crash.
/// </summary>
public static class PlayoutService
{
    /// <exception cref="ConfigException">The configuration cannot be used, or a folder it names or its HTTP address cannot be; nothing went on air.</exception>
    public static async Task Run(string configPath, CancellationToken stop)
    {
        var config = ServiceConfig.Load(configPath);
        StartupChecks.BeforeAir(config, configPath);
        string logFile = Path.Combine(config.LogsPath, "playout-.log");
        await using var serilog = new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(logFile, rollingInterval: RollingInterval.Day, flushToDiskInterval: TimeSpan.Zero, buffered: false)
            .CreateLogger();
        using var logs = new SerilogLoggerFactory(serilog);
        var log = logs.CreateLogger("Playout");
        var alarmLog = logs.CreateLogger("Playout.Alarms");
        using var alarmJournal = StartupChecks.OpenAlarmJournal(config, configPath, alarmLog);
        using var alarms = new AlarmBoard(alarmLog, damping: config.Alarms.Damping);
        alarms.Restore(alarmJournal.Listed, alarmJournal.LastId);
        using var journaling = alarms.Subscribe(alarmJournal.Record);
        FfmpegLogging.RouteTo(logs.CreateLogger("Playout.FFmpeg"));
        if (config.DemoMedia)
            DemoMedia.Ensure(Path.GetFullPath(Path.Combine(config.BaseDirectory, config.Media)), log);

        var channels = new List<ChannelRuntime>();
        await using var devices = ServiceDevices.Start(config, alarms, logs.CreateLogger("Playout.Devices"), channels);
        // After the devices and disposed before them: a pair sends to its transmitters until it stops.
        await using var pairs = ServiceTransmitterPairs.Start(config, devices.Registry, channels, alarms, logs.CreateLogger("Playout.Devices"));
        var modules = new ModuleRegistry(StandardModules.All);
        await using var library = await MediaLibrary.Open(config, logs.CreateLogger("Playout.Media"), stop);
        await using var web = ApiHost.Build(config, serilog, logs, channels, alarms, library, devices, pairs);
        // Listening comes before air: a port in use stops the service here, with no channel started.
        try
        {
            await web.StartAsync(stop);
        }
        catch (IOException error)
        {
            throw StartupChecks.Listening(config, configPath, error);
        }
        // Like HTTP, the SNMP port is taken before air.
        await using var snmp = SnmpHost.Start(config, configPath, alarms, logs.CreateLogger("Playout.Snmp"));
        await using var amcp = AmcpServer.Start(config, configPath, modules, library.Catalog, logs.CreateLogger("Playout.Amcp"));
        // How frames are stored is decided once a process by timing the cache (about 20 ms of copies): here, before air, so no
        // clip decoder or output pays for it on its first frame and no channel's traffic disturbs the timing.
        log.LogInformation("{Stores}", OutputStores.Decision());
        try
        {
            foreach (var channel in config.Channels)
                channels.Add(ChannelRuntime.Start(config, channel, logs, alarms, modules, devices: new ScheduleDeviceCommands(devices, pairs), media: library.TimesOf,
                    measuredLoudness: library.LoudnessAt, markers: library.MarkersAt));
            library.Watch(channels, alarms);
            snmp?.OnAir(channels);
            snmp?.Watch(devices.Registry);
            snmp?.Watch(pairs.All);
            GpiTriggers.Attach(config, devices.Registry, channels, logs.CreateLogger("Playout.Devices"));
            using var deviceNotes = DeviceAlarmNotes.Attach(config, channels, alarms);
            await using var nowPlaying = NowPlayingFeeds.Start(config, devices.Registry, channels, logs.CreateLogger("Playout.Devices"));
            amcp?.OnAir(channels);
            web.Open();
            log.LogInformation("operator panel on http://{Http} (status page: /status.html); outputs: {Outputs}; log files in {Logs}; Ctrl-C stops",
                config.Http, string.Join(", ", config.Channels.SelectMany(c => c.Outputs).Select(o => o.Url ?? o.Type.ConfigName())), config.LogsPath);
            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
                log.LogInformation("stopping");
            }
        }
        finally
        {
            await web.StopAsync();
            // AMCP stops before the channels go off air, so no command reaches a channel being closed.
            if (amcp is not null)
                await amcp.DisposeAsync();
            // Each channel closes whatever another's shutdown did: its files and streams must be finished either way.
            foreach (var channel in channels)
            {
                try
                {
                    channel.Dispose();
                }
                catch (Exception error)
                {
                    log.LogError(error, "{Channel}: closing failed", channel.Channel.Name);
                }
            }
            FfmpegLogging.Restore();
            alarms.Flush(TimeSpan.FromSeconds(2));
            log.LogInformation("every channel is off air");
        }
    }
}
