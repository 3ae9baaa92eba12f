using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Playout.Automation.Scripting;
using Playout.Engine;
using Playout.Engine.Alarms;
using Playout.Server.Web;
using Serilog;
using Serilog.Extensions.Logging;

namespace Playout.Server.Hosting;

/// <summary>
/// The service: reads the configuration, checks what it needs (StartupChecks), makes the demo media when asked, listens
/// for HTTP, then puts every channel on air and serves the status page and API, until it is told to stop; then takes the channels off air in order. Logs go to the console and to a
/// daily file flushed line by line, so they survive a crash.
/// </summary>
public static class PlayoutService
{
    /// <exception cref="ConfigException">The configuration cannot be used, or a folder it names or its HTTP address cannot be; nothing went on air.</exception>
    public static async Task Run(string configPath, CancellationToken stop)
    {
        var config = ServiceConfig.Load(configPath);
        StartupChecks.Folders(config, configPath);
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
        await using var library = await MediaLibrary.Open(config, logs.CreateLogger("Playout.Media"), stop);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new SerilogLoggerProvider(serilog));
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        // A bind failure is reported as one line (StartupChecks.Listening), and request errors by ApiErrors.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Diagnostics", LogLevel.None);
        builder.WebHost.UseUrls($"http://{config.Http}");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = config.Api.MaxFileBodyBytes);
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi();
        await using var app = builder.Build();
        var gate = new StartingGate();
        var tickets = new StreamTickets(TimeProvider.System);
        ApiErrors.Use(app, logs.CreateLogger("Playout.Api"));
        HostFilter.Use(app, config);
        gate.Use(app);
        BodyLimits.Use(app, config.Api);
        ApiAuth.Use(app, config.Api, LocalToken.Ensure(config.StatePath), Path.Combine(config.StatePath, LocalToken.FileName), tickets);
        app.MapOpenApi();
        var api = new ApiChannels(channels);
        StatusEndpoints.Map(app, api, alarms);
        ChannelEndpoints.Map(app, api, alarms, new StreamClients(config.Api.MaxStreamClients));
        tickets.Map(app);
        ScheduleEndpoints.Map(app, api);
        AsRunEndpoints.Map(app, api);
        MediaEndpoints.Map(app, library.Catalog);
        ScriptEndpoints.Map(app, api, new ScriptHost(), library.LengthOf);
        // Listening comes before air: a port in use stops the service here, with no channel started.
        try
        {
            await app.StartAsync(stop);
        }
        catch (IOException error)
        {
            throw StartupChecks.Listening(config, configPath, error);
        }
        try
        {
            foreach (var channel in config.Channels)
                channels.Add(ChannelRuntime.Start(config, channel, logs, alarms, devices: devices, mediaLength: library.LengthOf));
            library.Watch(channels, alarms);
            gate.Open();
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
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            foreach (var channel in channels)
                channel.Dispose();
            FfmpegLogging.Restore();
            log.LogInformation("every channel is off air");
        }
    }
}
