using Playout.Snmp.Security;
using Playout.TestSupport;

namespace Playout.Snmp.Tests.Security;

public sealed class SnmpEngineStateFileTests : IDisposable
{
    private readonly TempDirectory _state = new();
    private readonly List<string> _log = [];

    public void Dispose() => _state.Dispose();

    private (byte[] EngineId, int Boots) Start(uint enterprise = SnmpEngineId.DefaultEnterprise) =>
        SnmpEngineStateFile.Start(_state.Path, enterprise, _log.Add);

    [Fact]
    public void The_engine_id_is_made_once_and_boots_count_every_start()
    {
        var first = Start();
        var second = Start();
        var third = Start();
        Assert.Equal((1, 2, 3), (first.Boots, second.Boots, third.Boots));
        Assert.Equal(first.EngineId, third.EngineId);
        // RFC 3411 format: enterprise 32473 with the top bit, format 5 (octets).
        Assert.Equal("80007ed905", Convert.ToHexStringLower(first.EngineId[..5]));
        Assert.Equal(SnmpEngineId.DefaultEnterprise, SnmpEngineId.Enterprise(first.EngineId));
        Assert.Single(_log); // only the first start says it made an ID
    }

    [Fact]
    public void Two_installations_get_different_engine_ids()
    {
        using var other = new TempDirectory();
        Assert.NotEqual(Start().EngineId, SnmpEngineStateFile.Start(other.Path, SnmpEngineId.DefaultEnterprise, _ => { }).EngineId);
    }

    [Theory]
    [InlineData("engineId=zz\nboots=4\n", "line 1: engineId 'zz' is not hexadecimal")]
    [InlineData("engineId=0102\nboots=4\n", "line 1: engineId has 2 bytes")]
    [InlineData("engineId=80007ed905010203\nboots=-1\n", "line 2: boots '-1' is not a count")]
    [InlineData("engineId=80007ed905010203\n", "no boots line")]
    [InlineData("\u0000\u0001garbage", "line 1: unknown key")]
    public void A_corrupt_file_is_logged_kept_aside_and_replaced_by_a_new_engine(string content, string why)
    {
        File.WriteAllText(_state.File(SnmpEngineStateFile.FileName), content);
        var (engineId, boots) = Start();
        Assert.Equal(1, boots);
        Assert.True(SnmpEngineId.IsValid(engineId));
        var line = Assert.Single(_log, l => l.Contains("is corrupt"));
        Assert.Contains(why, line);
        Assert.Equal(content, File.ReadAllText(_state.File(SnmpEngineStateFile.FileName + ".corrupt")));
        Assert.Equal(2, Start().Boots); // and the replacement is good
    }

    [Fact]
    public void Boots_stop_at_the_rfc_maximum_with_a_clear_line()
    {
        var engineId = Start().EngineId;
        File.WriteAllText(_state.File(SnmpEngineStateFile.FileName), $"engineId={Convert.ToHexStringLower(engineId)}\nboots={int.MaxValue}\n");
        Assert.Equal(int.MaxValue, Start().Boots);
        Assert.Contains(_log, l => l.Contains("reached its maximum"));
    }

    [Fact]
    public void A_new_enterprise_keeps_the_random_part_and_the_boot_count()
    {
        var first = Start();
        var moved = Start(enterprise: 99999);
        Assert.Equal(99999u, SnmpEngineId.Enterprise(moved.EngineId));
        Assert.Equal(first.EngineId[5..], moved.EngineId[5..]);
        Assert.Equal(2, moved.Boots);
        Assert.Contains(_log, l => l.Contains("enterprise changed to 99999"));
    }

    [Fact]
    public void An_unwritable_state_folder_is_logged_not_fatal()
    {
        var blocker = _state.File("not-a-folder");
        File.WriteAllText(blocker, "");
        var (engineId, boots) = SnmpEngineStateFile.Start(blocker, SnmpEngineId.DefaultEnterprise, _log.Add);
        Assert.Equal(1, boots);
        Assert.True(SnmpEngineId.IsValid(engineId));
        Assert.Contains(_log, l => l.Contains("cannot write"));
    }
}
