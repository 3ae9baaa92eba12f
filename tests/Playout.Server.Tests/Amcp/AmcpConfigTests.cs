using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Amcp;

/// <summary>The "amcp" section: off by default, loopback only unless allowRemote, bad values named with their line.</summary>
public sealed class AmcpConfigTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    internal static string Config(string amcp) => $$"""
        {
          "channels": [ { "name": "c", "format": "720p50", "clock": "unthrottled", "outputs": [ { "type": "preview" } ] } ],
          "media": ".",
          "amcp": {{amcp}}
        }
        """;

    private string Write(string amcp) => _folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes(Config(amcp)));

    [Fact]
    public void By_default_amcp_is_off_and_turned_on_listens_on_loopback_5250()
    {
        Assert.False(ServiceConfig.Load(Write("{}")).Amcp.Enabled);
        var amcp = ServiceConfig.Load(Write("""{ "enabled": true }""")).Amcp;
        Assert.True(amcp.Enabled);
        Assert.Equal("127.0.0.1:5250", amcp.Listen);
        Assert.False(amcp.AllowRemote);
        Assert.Equal(128, amcp.QueueLength);
    }

    [Fact]
    public void The_demo_turns_amcp_on_at_casparcgs_port_on_loopback()
    {
        var amcp = ServiceConfig.Load(Repository.File("configs/demo.json")).Amcp;
        Assert.True(amcp.Enabled);
        Assert.Equal("127.0.0.1:5250", amcp.Listen);
    }

    [Fact]
    public void Listening_beyond_this_machine_needs_allow_remote()
    {
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(Write("""{ "enabled": true, "listen": "0.0.0.0:5250" }""")));
        Assert.Contains("amcp.listen: 0.0.0.0:5250 is beyond this machine and AMCP has no authentication; set amcp.allowRemote to true", error.Message);
        Assert.Equal("0.0.0.0:5250", ServiceConfig.Load(Write("""{ "enabled": true, "listen": "0.0.0.0:5250", "allowRemote": true }""")).Amcp.Listen);
    }

    [Fact]
    public void Bad_values_are_each_named_with_their_field()
    {
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(Write("""{ "listen": "localhost:99999", "queueLength": 0 }""")));
        Assert.Contains("amcp.listen: 'localhost:99999' is not an address to listen on (IP:PORT", error.Message);
        Assert.Contains("amcp.queueLength: 1 to 100000; got 0", error.Message);
        var unknown = Assert.Throws<ConfigException>(() => ServiceConfig.Load(Write("""{ "enabeld": true }""")));
        Assert.Contains("amcp.enabeld", unknown.Message);
    }
}
