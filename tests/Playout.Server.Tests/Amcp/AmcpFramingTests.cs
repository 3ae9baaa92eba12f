namespace Playout.Server.Tests.Amcp;

/// <summary>The exact bytes of CasparCG's replies over a raw socket: single lines, 201 and 200 forms, REQ/RES, errors with the echoed line.</summary>
[Collection(AmcpServiceCollection.Name)]
public sealed class AmcpFramingTests(AmcpService service)
{
    [Fact]
    public async Task Version_is_a_201_reply_with_the_casparcg_version_first_and_ping_answers_pong_with_its_words()
    {
        using var amcp = new AmcpClient(service.Port);
        string version = await amcp.Ask("VERSION");
        Assert.Matches(@"^201 VERSION OK\r\n2\.3\.0 Playout [^\r\n]+\r\n$", version);
        Assert.Equal(version, await amcp.Ask("version server"));
        Assert.Equal("PONG\r\n", await amcp.Ask("PING"));
        Assert.Equal("PONG a b\r\n", await amcp.Ask("ping a b"));
    }

    [Fact]
    public async Task Req_prefixes_every_reply_with_res_and_the_id_and_a_lone_lf_ends_a_line_too()
    {
        using var amcp = new AmcpClient(service.Port);
        await amcp.Send("REQ 42 PING\n");
        Assert.Equal("RES 42 PONG\r\n", await amcp.Reply());
        Assert.Matches(@"^RES x-1 201 VERSION OK\r\n2\.3\.0 [^\r\n]+\r\n$", await amcp.Ask("REQ x-1 VERSION"));
        Assert.Equal("RES 7 200 INFO OK\r\n1 PAL PLAYING\r\n\r\n", await amcp.Ask("REQ 7 INFO"));
        Assert.Equal("RES q 400 ERROR\r\nREQ q NOSUCH 1-1\r\n", await amcp.Ask("REQ q NOSUCH 1-1"));
    }

    [Fact]
    public async Task Info_lists_each_channel_with_its_casparcg_mode_and_tls_is_an_empty_200_list()
    {
        using var amcp = new AmcpClient(service.Port);
        Assert.Equal("200 INFO OK\r\n1 PAL PLAYING\r\n\r\n", await amcp.Ask("INFO"));
        Assert.Equal("200 TLS OK\r\n\r\n", await amcp.Ask("TLS"));
    }

    [Theory]
    [InlineData("FOO", "400 ERROR\r\nFOO\r\n")]
    [InlineData("", "400 ERROR\r\n\r\n")]
    [InlineData("PLAY", "400 ERROR\r\nPLAY\r\n")]
    [InlineData("PLAY CLIP1", "400 ERROR\r\nPLAY CLIP1\r\n")]
    [InlineData("PLAY 1-5 \"open quote", "400 ERROR\r\nPLAY 1-5 \"open quote\r\n")]
    [InlineData("FOO\tbar\u0001", "400 ERROR\r\nFOO?bar?\r\n")]
    [InlineData("REQ", "402 REQ ERROR REQ needs an id\r\n")]
    public async Task Lines_without_a_command_get_400_with_the_line_echoed(string line, string reply)
    {
        using var amcp = new AmcpClient(service.Port);
        Assert.Equal(reply, await amcp.Ask(line));
        Assert.Equal("PONG\r\n", await amcp.Ask("PING"));
    }

    [Theory]
    [InlineData("PLAY 2-5 CLIP1", "401 PLAY ERROR there is no channel 2 (this server has 1)")]
    [InlineData("STOP 99999999999-1", "401 STOP ERROR '99999999999-1' is not a channel-layer this server has")]
    [InlineData("STOP 1-10000", "401 STOP ERROR layer 10000 is above 9999")]
    [InlineData("PLAY 1-5", "202 PLAY OK")]
    [InlineData("LOAD 1-5", "402 LOAD ERROR a clip name is needed")]
    [InlineData("PLAY 1-5 CLIP1 SEEK", "402 PLAY ERROR SEEK needs a value")]
    [InlineData("PLAY 1-5 CLIP1 LENGTH -3", "402 PLAY ERROR LENGTH takes a number of frames (0 to 10000000); got '-3'")]
    [InlineData("PLAY 1-5 CLIP1 MIX x", "402 PLAY ERROR MIX takes a number of frames (0 to 10000000); got 'x'")]
    [InlineData("PLAY 1-5 NOSUCH", "404 PLAY FAILED no clip named 'NOSUCH' in the media roots")]
    [InlineData("INFO 1", "403 INFO FAILED only the plain INFO list is supported yet")]
    [InlineData("INFO CONFIG", "403 INFO FAILED only the plain INFO list is supported yet")]
    [InlineData("LOADBG 1-5 CLIP1 AUTO", "403 LOADBG FAILED AUTO (play when the clip on air ends) is not supported yet")]
    public async Task Bad_channels_parameters_and_clips_get_casparcgs_codes_with_the_reason(string line, string reply)
    {
        using var amcp = new AmcpClient(service.Port);
        Assert.Equal(reply + "\r\n", await amcp.Ask(line));
    }

    [Fact]
    public async Task Bye_closes_the_connection_without_a_reply()
    {
        using var amcp = new AmcpClient(service.Port);
        await amcp.Send("BYE\r\n");
        Assert.True(await amcp.Closed(TimeSpan.FromSeconds(10)));
    }
}
