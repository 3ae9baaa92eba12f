using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Playout.Engine.Alarms;
using Playout.Automation.Library;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Playout.Server.Hosting;
using Playout.Server.Metrics;
using Serilog.Extensions.Logging;

namespace Playout.Server.Web;

/// <summary>
/// The web host: the operator's panel, the status page and the API, with what guards them in order (errors in plain words, Host names, the
/// starting gate, body limits, tokens). It is built and listening before the channels exist: the list of channels it
/// is given is filled by the service, and served once the service opens the gate.
/// </summary>
public sealed class ApiHost(WebApplication app, StartingGate gate) : IAsyncDisposable
{
    public static ApiHost Build(ServiceConfig config, Serilog.ILogger serilog, ILoggerFactory logs, IReadOnlyList<ChannelRuntime> channels,
        AlarmBoard alarms, MediaLibrary library, ServiceDevices devices, ServiceTransmitterPairs pairs)
    {
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
        builder.Services.AddSingleton(_ => new ServiceMetrics(channels, alarms));
        builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("playout")).WithMetrics(metrics => metrics.AddMeter(ServiceMetrics.MeterName).AddPrometheusExporter());
        var app = builder.Build();
        var gate = new StartingGate();
        var tickets = new StreamTickets(TimeProvider.System);
        ApiErrors.Use(app, logs.CreateLogger("Playout.Api"));
        EndOnStop.Use(app);
        HostFilter.Use(app, config);
        gate.Use(app);
        BodyLimits.Use(app, config.Api);
        ApiAuth.Use(app, config.Api, LocalToken.Ensure(config.StatePath), Path.Combine(config.StatePath, LocalToken.FileName), tickets);
        app.MapOpenApi();
        // The meter's instruments exist once it is made; the exporter collects them from then on.
        app.Services.GetRequiredService<ServiceMetrics>();
        app.MapPrometheusScrapingEndpoint("/metrics");
        var api = new ApiChannels(channels);
        StatusEndpoints.Map(app, api, alarms, devices, pairs);
        var streams = new StreamClients(config.Api.MaxStreamClients);
        ChannelEndpoints.Map(app, api, streams);
        RundownEndpoints.Map(app, api, library);
        OperatorEndpoints.Map(app, api, library);
        var feed = new Panel.PanelFeed(api, alarms);
        app.Lifetime.ApplicationStopped.Register(feed.Dispose);
        Panel.PanelEndpoints.Map(app, config, feed, streams);
        AlarmEndpoints.Map(app, alarms, streams, logs.CreateLogger("Playout.Api"));
        LoudnessEndpoints.Map(app, api, streams);
        MeterEndpoints.Map(app, api, streams);
        DeviceEndpoints.Map(app, api, alarms, devices, logs.CreateLogger("Playout.Devices"));
        TransmitterPairEndpoints.Map(app, pairs);
        StationEndpoints.Map(app, config);
        PreviewEndpoints.Map(app, api, streams, library);
        tickets.Map(app);
        ScheduleEndpoints.Map(app, api);
        AsRunEndpoints.Map(app, api);
        MediaEndpoints.Map(app, library);
        ScriptEndpoints.Map(app, api, config.Scripts.CreateHost(), library.LengthOf);
        return new ApiHost(app, gate);
    }

    /// <summary>Listens on "http"; the API answers 503 until <see cref="Open"/>.</summary>
    /// <exception cref="IOException">The address cannot be listened on (see <see cref="StartupChecks.Listening"/>).</exception>
    public Task StartAsync(CancellationToken cancel) => app.StartAsync(cancel);

    /// <summary>The channels are on air: the API serves them from now on.</summary>
    public void Open() => gate.Open();

    public Task StopAsync() => app.StopAsync(CancellationToken.None);

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
