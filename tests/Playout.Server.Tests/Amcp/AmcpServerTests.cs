using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Playout.Engine.Modules;
using Playout.Server.Amcp;
using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Amcp;

/// <summary>The listener on its own (no channel on air): off unless enabled, a port in use named, a full queue answered 504.</summary>
public sealed class AmcpServerTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private (ServiceConfig Config, string Path) Load(string amcp)
    {
        string path = _folder.Write("service.json", Encoding.UTF8.GetBytes(AmcpConfigTests.Config(amcp)));
        return (ServiceConfig.Load(path), path);
    }

    private static AmcpServer? Start((ServiceConfig Config, string Path) loaded) =>
        AmcpServer.Start(loaded.Config, loaded.Path, new ModuleRegistry(StandardModules.All), null, NullLogger.Instance);

    [Fact]
    public void Off_by_default_nothing_listens()
    {
        Assert.Null(Start(Load("{}")));
    }

    [Fact]
    public void A_port_in_use_is_a_config_error_naming_the_setting_and_the_file()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var loaded = Load($$"""{ "enabled": true, "listen": "127.0.0.1:{{port}}" }""");
        var error = Assert.Throws<ConfigException>(() => Start(loaded));
        Assert.Equal($"amcp.listen 127.0.0.1:{port} is in use (another playout, or CasparCG?); change \"amcp.listen\" in {loaded.Path}", error.Message);
    }

    [Fact]
    public async Task Lines_that_find_the_queue_full_are_answered_504_and_every_line_gets_one_reply()
    {
        int port = FreePorts.Tcp();
        await using var server = Start(Load($$"""{ "enabled": true, "listen": "127.0.0.1:{{port}}", "queueLength": 1 }"""))!;
        using var amcp = new AmcpClient(port);
        const int lines = 5000;
        var sending = Task.Run(() => amcp.Send(string.Concat(Enumerable.Range(0, lines).Select(i => $"REQ {i} PING\r\n"))));
        var replies = new List<string>();
        for (int i = 0; i < lines; i++)
            replies.Add(await amcp.Reply());
        await sending;
        var full = replies.Where(r => !r.EndsWith(" PONG\r\n", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(full);
        Assert.All(full, r => Assert.Matches(@"^RES \d+ 504 PING FAILED queue full\r\n$", r));
        Assert.Equal(lines, replies.Select(r => r.Split(' ')[1]).Distinct().Count());
        Assert.Equal("401 PLAY ERROR channel 1 is not on air yet\r\n", await amcp.Ask("PLAY 1-1 CLIP1"));
    }

    [Fact]
    public async Task Stopping_closes_open_connections_and_a_second_stop_does_nothing()
    {
        int port = FreePorts.Tcp();
        var server = Start(Load($$"""{ "enabled": true, "listen": "127.0.0.1:{{port}}" }"""))!;
        using var amcp = new AmcpClient(port);
        Assert.Equal("PONG\r\n", await amcp.Ask("PING"));
        await server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(await amcp.Closed(TimeSpan.FromSeconds(10)));
        await server.DisposeAsync();
        using var probe = new TcpClient();
        Assert.Throws<SocketException>(() => probe.Connect("127.0.0.1", port));
    }
}
