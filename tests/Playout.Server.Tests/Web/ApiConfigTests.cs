using System.Text;
using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Web;

/// <summary>The api settings are checked when the configuration is read, and an error names the field.</summary>
public class ApiConfigTests
{
    [Theory]
    [InlineData("""{ "allowedHosts": [ "http://playout.lan" ] }""", "api.allowedHosts[0]: 'http://playout.lan' is not a host name")]
    [InlineData("""{ "maxBodyBytes": 10 }""", "api: maxBodyBytes and maxFileBodyBytes must be at least 1024")]
    [InlineData("""{ "maxStreamClients": 0 }""", "api.maxStreamClients: at least 1")]
    public void A_bad_api_setting_is_refused_naming_it(string api, string expected)
    {
        using var folder = new TempDirectory();
        string path = folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            { "api": {{api}}, "channels": [ { "name": "c", "format": "576i50", "clock": "system", "outputs": [] } ] }
            """));
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(path));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("127.0.0.1:99999")]
    [InlineData("127.0.0.1:80x")]
    [InlineData("127.0.0.1")]
    [InlineData(":8080")]
    [InlineData("http://127.0.0.1:8080")]
    public void An_http_setting_that_is_not_host_and_port_is_refused_naming_it(string http)
    {
        using var folder = new TempDirectory();
        string path = folder.Write("service.json", Encoding.UTF8.GetBytes($$"""
            { "http": "{{http}}", "channels": [ { "name": "c", "format": "576i50", "clock": "system", "outputs": [] } ] }
            """));
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(path));
        Assert.Equal($"{path}, line 1: http: '{http}' is not an address to listen on (HOST:PORT, such as 127.0.0.1:8080; port 1-65535)", error.Message);
    }

    [Fact]
    public void Allowed_host_names_and_limits_are_read()
    {
        using var folder = new TempDirectory();
        string path = folder.Write("service.json", Encoding.UTF8.GetBytes("""
            { "api": { "allowedHosts": [ "playout-1.studio.lan", "10.0.0.5" ], "maxBodyBytes": 2048, "maxFileBodyBytes": 8192, "maxStreamClients": 3 },
              "channels": [ { "name": "c", "format": "576i50", "clock": "system", "outputs": [] } ] }
            """));
        var api = ServiceConfig.Load(path).Api;
        Assert.Equal(["playout-1.studio.lan", "10.0.0.5"], api.AllowedHosts);
        Assert.Equal((2048, 8192, 3), (api.MaxBodyBytes, api.MaxFileBodyBytes, api.MaxStreamClients));
    }
}
