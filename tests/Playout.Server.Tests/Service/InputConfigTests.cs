using Playout.Server.Hosting;

namespace Playout.Server.Tests.Service;

public class InputConfigTests
{
    [Theory]
    [InlineData(-0.1)]
    [InlineData(10.5)]
    [InlineData(double.NaN)]
    public void A_stream_input_hold_time_outside_0_to_10_s_is_refused_naming_the_field(double seconds)
    {
        var input = new InputConfig { Type = InputKind.Stream, Url = "udp://127.0.0.1:5001", HoldLast = seconds };
        var problems = new ConfigProblems("service.json");
        input.Validate("channels[0].inputs[1]", hasCard: false, problems);
        var error = Assert.Throws<ConfigException>(problems.ThrowIfAny);
        Assert.StartsWith("service.json: channels[0].inputs[1].holdLast: ", error.Message);
    }

    [Theory]
    [InlineData(InputKind.Stream, "backup.ts")]
    [InlineData(InputKind.Card, "udp://127.0.0.1:5002")]
    public void A_backup_that_is_not_a_stream_of_a_stream_input_is_refused_naming_the_field(InputKind type, string backup)
    {
        var input = new InputConfig { Type = type, Url = "udp://127.0.0.1:5001", Backup = backup };
        var problems = new ConfigProblems("service.json");
        input.Validate("channels[0].inputs[0]", hasCard: true, problems);
        var error = Assert.Throws<ConfigException>(problems.ThrowIfAny);
        Assert.StartsWith("service.json: channels[0].inputs[0].backup: ", error.Message);
        Assert.Contains(backup, error.Message);
    }

    [Theory]
    [InlineData(InputKind.St2110, null, null, "sdp")]
    [InlineData(InputKind.St2110, "  ", null, "sdp")]
    [InlineData(InputKind.Stream, null, "audio.sdp", "audioSdp")]
    public void An_st2110_input_needs_its_sdp_and_only_it_takes_an_audio_sdp(InputKind type, string? sdp, string? audioSdp, string field)
    {
        var input = new InputConfig { Type = type, Url = "udp://127.0.0.1:5001", Sdp = sdp, AudioSdp = audioSdp };
        var problems = new ConfigProblems("service.json");
        input.Validate("channels[0].inputs[0]", hasCard: false, problems);
        var error = Assert.Throws<ConfigException>(problems.ThrowIfAny);
        Assert.StartsWith($"service.json: channels[0].inputs[0].{field}: ", error.Message);
    }
}
