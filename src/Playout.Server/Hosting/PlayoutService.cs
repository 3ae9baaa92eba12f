using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Playout.Automation.Library;
using Playout.Automation.Scripting;
using Playout.Engine;
using Playout.Engine.Alarms;
using Playout.Engine.Modules;
using Playout.Server.Web;
using Serilog;
using Serilog.Extensions.Logging;

namespace Playout.Server.Hosting;

/// <summary>
/// The service: reads the configuration, makes the demo media when asked, puts every channel on air and serves the
/// status page, until it is told to stop; then takes the channels off air in order. Logs go to the console and to a
/// daily file flushed line by line, so they survive a crash.
/// </summary>
public static class PlayoutService
{
    /// <exception cref="ConfigException">The configuration cannot be used; nothing is left running.</exception>
    public static async Task Run(string configPath, CancellationToken stop)
    {
        var config = ServiceConfig.Load(configPath);
        string logFile = Path.Combine(config.LogsPath, "playout-.log");
        await using var serilog = new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(logFile, rollingInterval: RollingInterval.Day, flushToDiskInterval: TimeSpan.Zero, buffered: false)
            .CreateLogger();
        using var logs = new SerilogLoggerFactory(serilog);
        var log = logs.CreateLogger("Playout");
        var alarms = new AlarmBoard(logs.CreateLogger("Playout.Alarms"));
        FfmpegLogging.RouteTo(logs.CreateLogger("Playout.FFmpeg"));
        if (config.DemoMedia)
            DemoMedia.Ensure(Path.GetFullPath(Path.Combine(config.BaseDirectory, config.Media)), log);

        var channels = new List<ChannelRuntime>();
        var devices = new LoggedDevices(config.Devices, logs.CreateLogger("Playout.Devices"));
        var modules = new ModuleRegistry(StandardModules.All);
        await using var library = await MediaLibrary.Open(config, logs.CreateLogger("Playout.Media"), stop);
        try
        {
            foreach (var channel in config.Channels)
                channels.Add(ChannelRuntime.Start(config, channel, logs, alarms, modules, devices: devices, mediaLength: library.LengthOf));
            library.Watch(channels, alarms);
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(new SerilogLoggerProvider(serilog));
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
            builder.WebHost.UseUrls($"http://{config.Http}");
            builder.Services.AddOpenApi();
            await using var app = builder.Build();
            ApiAuth.Use(app, config.Api);
            app.MapOpenApi();
            var api = new ApiChannels(channels);
            StatusEndpoints.Map(app, api, alarms);
            ChannelEndpoints.Map(app, api, alarms);
            ScheduleEndpoints.Map(app, api);
            AsRunEndpoints.Map(app, api);
            MediaEndpoints.Map(app, library.Catalog);
            ScriptEndpoints.Map(app, api, new ScriptHost(), library.LengthOf);
            await app.StartAsync(stop);
            log.LogInformation("status page on http://{Http}; outputs: {Outputs}; log files in {Logs}; Ctrl-C stops",
                config.Http, string.Join(", ", config.Channels.SelectMany(c => c.Outputs).Select(o => o.Url ?? o.Type.ToString().ToLowerInvariant())), config.LogsPath);
            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
                log.LogInformation("stopping");
            }
            await app.StopAsync(CancellationToken.None);
        }
        finally
        {
            foreach (var channel in channels)
                channel.Dispose();
            FfmpegLogging.Restore();
            log.LogInformation("every channel is off air");
        }
    }
}
