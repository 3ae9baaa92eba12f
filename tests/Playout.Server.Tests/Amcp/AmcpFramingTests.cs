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
    public async Task Info_lists_each_channel_with_its_casparcg_mode_and_tls_lists_the_pictures_as_templates()
    {
        using var amcp = new AmcpClient(service.Port);
        Assert.Equal("200 INFO OK\r\n1 PAL PLAYING\r\n\r\n", await amcp.Ask("INFO"));
        await service.WaitForCatalogue(amcp);
        Assert.Equal("200 TLS OK\r\nLOGO\r\nSLATE\r\n\r\n", await amcp.Ask("TLS"));
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
    [InlineData("INFO CONFIG", "501 INFO FAILED INFO CONFIG is not supported: INFO lists the channels, INFO n and INFO n-l give a channel's state")]
    [InlineData("INFO 3", "401 INFO ERROR there is no channel 3 (this server has 1)")]
    [InlineData("PLAY 1-5 CLIP1 SLIDE 10", "403 PLAY FAILED SLIDE is not supported: the transitions here are CUT, MIX, WIPE and PUSH")]
    [InlineData("PLAY 1-5 CLIP1 MIX 10 EASEINSINE", "403 PLAY FAILED tween EASEINSINE is not supported: transitions here are linear")]
    [InlineData("CINF", "402 CINF ERROR CINF needs a clip name")]
    [InlineData("CINF NOSUCH", "404 CINF FAILED no clip named 'NOSUCH' in the media library")]
    [InlineData("THUMBNAIL RETRIEVE NOSUCH", "404 THUMBNAIL FAILED no thumbnail of 'NOSUCH' in the media library")]
    [InlineData("THUMBNAIL", "402 THUMBNAIL ERROR THUMBNAIL takes LIST, RETRIEVE, GENERATE or GENERATE_ALL")]
    [InlineData("THUMBNAIL GENERATE_ALL", "202 THUMBNAIL GENERATE_ALL OK")]
    [InlineData("CALL 1-5 FOO", "403 CALL FAILED CALL FOO is not supported: clips here answer SEEK and LOOP")]
    [InlineData("CALL 1-15 SEEK 10", "501 CALL FAILED seek layer 15 to 00:00:00.4000000: layer 15 plays no clip to seek in")]
    [InlineData("SWAP 1-5", "402 SWAP ERROR SWAP needs the other channel-layer")]
    [InlineData("SWAP 1 2", "501 SWAP FAILED only two layers of one channel can be swapped here (not whole channels, nor layers of two channels)")]
    [InlineData("SWAP 1-5 1-10", "403 SWAP FAILED layer 1-10 is run by the channel's schedule automation (its primary layer); AMCP may drive it while an operator holds the automation, and other layers at any time")]
    [InlineData("MIXER 1-5 BRIGHTNESS 0.5", "501 MIXER FAILED MIXER BRIGHTNESS is only ever 1 here: this mixer has OPACITY, VOLUME, FILL (at whole, half or quarter size), CLEAR and COMMIT")]
    [InlineData("MIXER 1-5 CLIP 0 0 0.5 0.5", "501 MIXER FAILED MIXER CLIP is only ever 0 0 1 1 here: this mixer has OPACITY, VOLUME, FILL (at whole, half or quarter size), CLEAR and COMMIT")]
    [InlineData("MIXER 1-5 BRIGHTNESS 1 0 linear", "202 MIXER OK")]
    [InlineData("MIXER 1-5 CLIP 0 0 1.0 1", "202 MIXER OK")]
    [InlineData("MIXER 1-5 BLEND normal", "202 MIXER OK")]
    [InlineData("MIXER 1-5 PERSPECTIVE 0 0 1 0 1 1 0 1 25 linear", "202 MIXER OK")]
    [InlineData("MIXER 1-5 GRID 2", "501 MIXER FAILED MIXER GRID is not supported: this mixer has OPACITY, VOLUME, FILL (at whole, half or quarter size), CLEAR and COMMIT")]
    [InlineData("MIXER 1-5 LEVELS", "201 MIXER OK\r\n0 1 1 0 1")]
    [InlineData("MIXER 1-5 OPACITY 2", "402 MIXER ERROR OPACITY takes a number from 0 to 1; got '2'")]
    [InlineData("MIXER 1-5 OPACITY 0.5 10 EASEOUTBOUNCE", "403 MIXER FAILED tween EASEOUTBOUNCE is not supported: mixer changes here are linear")]
    [InlineData("MIXER 1-5 FILL 0 0 0.3 0.3", "501 MIXER FAILED FILL scales a picture to whole, half or quarter size here (equal x and y: 1, 0.5 or 0.25); got 0.3 0.3")]
    [InlineData("MIXER 1-5 FILL 0 0 0.5 0.5 25", "501 MIXER FAILED FILL moves a picture at once here; give no duration (or 0)")]
    [InlineData("MIXER 1-10 OPACITY 0.5", "403 MIXER FAILED layer 1-10 is run by the channel's schedule automation (its primary layer); AMCP may drive it while an operator holds the automation, and other layers at any time")]
    [InlineData("CG 1-5 ADD 1 NOSUCH 1", "404 CG FAILED no clip named 'NOSUCH' in the media roots")]
    [InlineData("CG 1-5 ADD x LOGO 1", "402 CG ERROR CG ADD needs a CG layer number")]
    [InlineData("CG 1-5 NEXT 1", "501 CG FAILED CG NEXT is not supported: templates here are still pictures (ADD, PLAY, STOP, REMOVE, CLEAR, UPDATE)")]
    [InlineData("CG 1-16 ADD 1 BROKEN 1", "502 CG FAILED 'BROKEN' cannot be shown as a template (a picture file)")]
    [InlineData("ADD 1 FILE out.mov", "402 ADD ERROR ADD takes STREAM and a url (udp://, srt://…); other consumers are not added over AMCP")]
    [InlineData("ADD 1 STREAM srt://127.0.0.1:9000", "403 ADD FAILED 'srt://127.0.0.1:9000' is not a url over udp (amcp.outputProtocols)")]
    [InlineData("ADD 1 STREAM udp://127.0.0.1:9000 -codec:v libx264", "403 ADD FAILED encoder options are not taken over AMCP: give the url only (the encoder's settings are the stream output's defaults)")]
    [InlineData("REMOVE 1-777", "404 REMOVE FAILED channel 1 has no output at 777 added over AMCP")]
    public async Task Bad_channels_parameters_and_clips_get_casparcgs_codes_with_the_reason(string line, string reply)
    {
        using var amcp = new AmcpClient(service.Port);
        string answer = await amcp.Ask(line);
        // A reason that quotes FFmpeg or the image decoder is checked up to where theirs begins.
        if (reply.EndsWith("(a picture file)", StringComparison.Ordinal))
            Assert.StartsWith(reply + ": ", answer);
        else
            Assert.Equal(reply + "\r\n", answer);
    }

    [Fact]
    public async Task Bye_closes_the_connection_without_a_reply()
    {
        using var amcp = new AmcpClient(service.Port);
        await amcp.Send("BYE\r\n");
        Assert.True(await amcp.Closed(TimeSpan.FromSeconds(10)));
    }
}
