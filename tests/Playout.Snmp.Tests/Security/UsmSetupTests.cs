using Playout.Snmp.Security;
using Playout.TestSupport;

namespace Playout.Snmp.Tests.Security;

public sealed class UsmSetupTests : IDisposable
{
    private readonly TempDirectory _state = new();
    private readonly List<string> _log = [];

    public void Dispose() => _state.Dispose();

    private UsmSetup Build(UsmOptions options) => UsmSetup.Build(options, _state.Path, SnmpEngineId.DefaultEnterprise, 1500, _log.Add);

    private static readonly UsmOptions Configured = new()
    {
        Views = new Dictionary<string, IReadOnlyList<string>> { ["all"] = ["include 1.3.6.1"], ["mib2"] = ["include 1.3.6.1.2.1"] },
        Users = [UsmFixtures.Sha1Aes],
    };

    [Fact]
    public void Without_users_there_is_no_snmpv3_model_closed_by_default()
    {
        var setup = Build(new UsmOptions());
        Assert.Null(setup.Model);
        Assert.Empty(setup.Users);
        Assert.Equal(10, setup.Counters.All.Count); // the statistics are still served, at zero
        Assert.Equal(1, setup.Engine.EngineBoots);
    }

    [Fact]
    public void Configured_users_get_a_model_on_the_persistent_engine_whose_boots_count_starts()
    {
        Build(Configured);
        var setup = Build(Configured);
        Assert.Same(setup.Counters, setup.Model!.Counters);
        Assert.Equal(2, setup.Engine.EngineBoots);
        var user = Assert.Single(setup.Users);
        Assert.Equal(UsmKeys.Localize(UsmAuthProtocol.Sha1, UsmKeys.PasswordToKey(UsmAuthProtocol.Sha1, UsmFixtures.AuthPassword), setup.Engine.EngineId.Span), user.AuthKey);
    }

    [Fact]
    public void Bad_configuration_is_named()
    {
        Assert.Contains("SNMPv3 user 'ops' is configured 2 times",
            Assert.Throws<FormatException>(() => Build(Configured with { Users = [UsmFixtures.Sha1Aes, UsmFixtures.Sha1Aes] })).Message);
        Assert.Contains("SNMP view 'bad' entry 1",
            Assert.Throws<FormatException>(() => Build(new UsmOptions { Views = new Dictionary<string, IReadOnlyList<string>> { ["bad"] = ["all of it"] } })).Message);
        Assert.Contains("SNMP community 'public' readView: 'nope' is not a configured view (known: all, mib2)",
            Assert.Throws<FormatException>(() => Build(Configured).CommunityAccess("public", "nope", null)).Message);
        Assert.Contains("SNMP manager '192.0.2.1:162': user 'nobody' is not a configured SNMPv3 user",
            Assert.Throws<FormatException>(() => Build(Configured).NotificationSecurity("192.0.2.1:162", "nobody", _ => { })).Message);
    }

    [Fact]
    public async Task A_community_sees_only_its_view()
    {
        var setup = Build(Configured);
        var communities = new CommunityOptions { ReadAccess = setup.CommunityAccess("public", "mib2", null) };
        await using var agent = new UsmTestAgent(setup.Model!, setup.Engine, communities);
        var walk = await NetSnmp.Run("snmpwalk", NetSnmp.V2c(agent.Port, "public", "1.3.6.1"));
        Assert.True(walk.ExitCode == 0, walk.Error);
        Assert.Contains(".1.3.6.1.2.1.1.5.0", walk.Output);
        Assert.DoesNotContain(".1.3.6.1.4.1.32473.1.1.0 =", walk.Output);
        Assert.DoesNotContain(".1.3.6.1.6.3.15.1.1", walk.Output); // usmStats lie outside mib-2
        var get = await NetSnmp.Run("snmpget", NetSnmp.V2c(agent.Port, "public", UsmTestAgent.Product.Append(0).ToString()));
        Assert.Contains("No Such Object", get.Output);
    }
}
