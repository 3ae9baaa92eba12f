using System.Net.Sockets;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Playout.Automation.Library;
using Playout.Engine.Modules;
using Playout.Server.Hosting;

namespace Playout.Server.Amcp;

/// <summary>
/// The AMCP listener (docs/AMCP.md): one task per connection, each with its own bounded queue. Started by the service
/// before air, so a port in use stops the service before any channel starts; answers channel commands once
/// <see cref="OnAir"/> has been told the channels.
/// </summary>
public sealed class AmcpServer : IAsyncDisposable
{
    /// <summary>What VERSION answers: CasparCG's version this server speaks, then ours (clients read the leading number).</summary>
    public const string ProtocolVersion = "2.3.0";

    private readonly TcpListener _listener;
    private readonly AmcpChannels _channels;
    private readonly AmcpDispatcher _dispatcher;
    private readonly AmcpOsc? _osc;
    private readonly int _queueLength;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private int _disposed;

    private AmcpServer(TcpListener listener, AmcpChannels channels, AmcpDispatcher dispatcher, int queueLength, AmcpOsc? osc, ILogger log)
    {
        _listener = listener;
        _channels = channels;
        _dispatcher = dispatcher;
        _osc = osc;
        _queueLength = queueLength;
        _log = log;
        _accepting = Accept();
    }

    public int Port => ((System.Net.IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The channels are on air: commands reach them, and OSC (when configured) starts sending their state.</summary>
    public void OnAir(IReadOnlyList<ChannelRuntime> channels)
    {
        _channels.OnAir(channels);
        _osc?.Start();
    }

    /// <summary>Listens as <c>amcp</c> configures; null when it is off.</summary>
    /// <exception cref="ConfigException">The address cannot be listened on; the message names the setting to change.</exception>
    public static AmcpServer? Start(ServiceConfig config, string configPath, ModuleRegistry modules, MediaCatalog? catalog, ILogger log)
    {
        var amcp = config.Amcp;
        if (!amcp.Enabled)
            return null;
        var listener = new TcpListener(amcp.ListenEndPoint);
        try
        {
            listener.Start();
        }
        catch (SocketException error)
        {
            listener.Dispose();
            throw ListenFailure(amcp, configPath, error);
        }
        var media = new AmcpMedia(config.Sources, catalog);
        var channels = new AmcpChannels(config.Channels, media);
        var commands = new AmcpCommands(media, new AmcpInfo(channels), new AmcpLayerCommands(channels, media, modules, config.SourceProtocols),
            new AmcpMixer(channels), new AmcpTemplates(channels, media, modules), new AmcpOutputs(channels, modules, amcp.OutputProtocols));
        var osc = amcp.Osc.Targets.Count > 0 ? new AmcpOsc(channels, amcp.Osc.EndPoints, log) : null;
        log.LogInformation("AMCP on {Listen}", amcp.Listen);
        return new AmcpServer(listener, channels, new AmcpDispatcher(commands, Version(), log), amcp.QueueLength, osc, log);
    }

    private static string Version()
    {
        string ours = typeof(AmcpServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return $"{ProtocolVersion} Playout {ours}";
    }

    private static ConfigException ListenFailure(AmcpConfig amcp, string configPath, SocketException error)
    {
        var reason = error.SocketErrorCode switch
        {
            SocketError.AddressAlreadyInUse => "is in use (another playout, or CasparCG?)",
            SocketError.AccessDenied => "may not be used by this user (a port below 1024?)",
            SocketError.AddressNotAvailable => "is not an address of this machine",
            _ => $"cannot be listened on ({error.Message})",
        };
        return new ConfigException($"amcp.listen {amcp.Listen} {reason}; change \"amcp.listen\" in {configPath}");
    }

    private async Task Accept()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stop.IsCancellationRequested)
                    return;
                _log.LogWarning("AMCP: accepting a connection failed: {Error}", error.Message);
                continue;
            }
            lock (_connections)
            {
                _connections.RemoveAll(c => c.IsCompleted);
                _connections.Add(Task.Run(() => new AmcpConnection(socket, _dispatcher, _queueLength, _log).Serve(_stop.Token)));
            }
        }
    }

    /// <summary>Stops listening, ends every connection and waits for them; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _stop.CancelAsync();
        _osc?.Dispose();
        _listener.Stop();
        await _accepting;
        Task[] open;
        lock (_connections)
            open = [.. _connections];
        await Task.WhenAll(open);
        _listener.Dispose();
        _stop.Dispose();
    }
}
