using Playout.Server.Amcp;

namespace Playout.Server.Tests.Amcp;

/// <summary>The line parser: tokens, quotes and escapes, REQ ids, channel-layer addresses; junk gives a reply, never an exception.</summary>
public sealed class AmcpParserTests
{
    [Fact]
    public void Verb_address_and_parameters_are_read_with_quotes_and_escapes()
    {
        var request = AmcpParser.Parse("play 1-10 \"my clip\" \\\"x\\\" \"a\\\\b\" LOOP").Request!;
        Assert.Equal("PLAY", request.Verb);
        Assert.Equal(1, request.Channel);
        Assert.Equal(10, request.Layer);
        Assert.Equal(["my clip", "\"x\"", "a\\b", "LOOP"], request.Parameters);
        Assert.Null(request.RequestId);
    }

    [Fact]
    public void A_channel_without_a_layer_and_a_line_without_an_address_are_told_apart()
    {
        var channelOnly = AmcpParser.Parse("CLEAR 2").Request!;
        Assert.Equal((2, (int?)null), (channelOnly.Channel!.Value, channelOnly.Layer));
        var none = AmcpParser.Parse("CLS  \t ").Request!;
        Assert.Null(none.Channel);
        Assert.Empty(none.Parameters);
        Assert.Null(AmcpParser.Parse("PLAY CLIP1 1-10").Request!.Channel);
    }

    [Fact]
    public void Req_takes_the_id_and_the_reply_to_a_bad_line_keeps_it()
    {
        var request = AmcpParser.Parse("req abc-1 VERSION").Request!;
        Assert.Equal(("abc-1", "VERSION"), (request.RequestId!, request.Verb));
        var bad = AmcpParser.Parse("REQ 9 \"unclosed");
        Assert.Null(bad.Request);
        Assert.Equal("RES 9 400 ERROR\r\nREQ 9 \"unclosed\r\n", AmcpReply.Framed(bad.RequestId, bad.Error!));
    }

    [Theory]
    [InlineData("PLAY 0-1", "401 PLAY ERROR '0-1' is not a channel-layer this server has\r\n")]
    [InlineData("PLAY 1-2147483648", "401 PLAY ERROR '1-2147483648' is not a channel-layer this server has\r\n")]
    [InlineData("REQ 5 STOP 3000000000", "401 STOP ERROR '3000000000' is not a channel-layer this server has\r\n")]
    [InlineData("REQ", "402 REQ ERROR REQ needs an id\r\n")]
    [InlineData("REQ 5", "400 ERROR\r\nREQ 5\r\n")]
    [InlineData("REQ \"a b\" PING", "402 REQ ERROR a REQ id is printable and has no spaces\r\n")]
    [InlineData("REQ \"\" PING", "402 REQ ERROR a REQ id is printable and has no spaces\r\n")]
    public void Addresses_that_name_no_channel_and_lines_without_a_command_get_their_reply(string line, string reply)
    {
        var parsed = AmcpParser.Parse(line);
        Assert.Null(parsed.Request);
        Assert.Equal(reply, parsed.Error);
    }

    [Fact]
    public void Any_string_parses_to_a_request_or_an_error_reply_with_a_code()
    {
        var random = new Random(5250);
        for (int i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (int c = 0; c < chars.Length; c++)
                chars[c] = random.Next(3) == 0 ? " \"\\-1RQE\t"[random.Next(9)] : (char)random.Next(0, 0x3000);
            var parsed = AmcpParser.Parse(new string(chars));
            Assert.True(parsed.Request is { Verb.Length: > 0 } ^ parsed.Error is not null, new string(chars));
            if (parsed.Error is { } error)
                Assert.Matches(@"^40[012] ", error);
        }
    }

    [Fact]
    public void Flags_and_values_are_found_in_any_case_and_a_value_missing_is_a_402()
    {
        var request = AmcpParser.Parse("LOADBG 1-1 CLIP loop seek 10 length").Request!;
        Assert.True(request.Has("LOOP"));
        Assert.False(request.Has("AUTO"));
        Assert.Equal("10", request.ValueAfter("SEEK"));
        Assert.Null(request.ValueAfter("MIX"));
        Assert.Equal("402 LOADBG ERROR LENGTH needs a value", Assert.Throws<AmcpFailure>(() => request.ValueAfter("LENGTH")).Reply);
    }
}
