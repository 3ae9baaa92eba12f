using System.Net;
using Playout.Media.Formats;
using Playout.Media.Rtp;

namespace Playout.Media.Tests.Rtp;

/// <summary>The SDP a receiver reads: our senders' descriptions read back to their flows, and junk refused at its line.</summary>
public class SessionDescriptionTests
{
    [Theory]
    [InlineData("1080i59.94")]
    [InlineData("720p50")]
    [InlineData("2160p50-hlg")]
    public void A_video_sdp_we_write_reads_back_to_its_flow(string formatName)
    {
        var format = VideoFormats.Parse(formatName);
        string text = new St2110VideoSdp("c video", IPAddress.Parse("10.0.0.5"), IPAddress.Parse("239.1.2.3"), 5004, format.Width, format.Height,
            format.FrameRate, format.IsInterlaced, format.Colorimetry, format.Transfer, 98, 16) { Ssrc = 0xC0FFEE }.Text();
        var media = Assert.Single(SessionDescription.Parse(text, "v.sdp"));
        // The sender's SSRC, so a receiver of this description takes that sender only.
        Assert.Contains("\r\na=ssrc:12648430 cname:playout@10.0.0.5\r\n", text);
        Assert.Equal(0xC0FFEEu, media.Ssrc);
        Assert.Equal(("video", 5004, (byte)98, IPAddress.Parse("239.1.2.3"), 5), (media.Kind, media.Port, media.PayloadType, media.Address, media.Line));
        var flow = St2110VideoFlow.From(media, "v.sdp");
        Assert.Equal(new St2110VideoFlow(IPAddress.Parse("239.1.2.3"), 5004, 98, format.Width, format.Height, format.FrameRate, format.IsInterlaced, 0xC0FFEE), flow);
        Assert.Equal("local", media.Attributes["ts-refclk"]);
    }

    [Fact]
    public void An_audio_sdp_we_write_reads_back_to_its_flow_and_a_session_address_serves_its_media()
    {
        string text = new St2110AudioSdp("c audio", IPAddress.Loopback, IPAddress.Parse("ff3e::1234"), 5006, 12, 125, 100).Text();
        var flow = St2110AudioFlow.From(Assert.Single(SessionDescription.Parse(text, "a.sdp")), "a.sdp", 16);
        Assert.Equal(new St2110AudioFlow(IPAddress.Parse("ff3e::1234"), 5006, 100, 12), flow);
        Assert.DoesNotContain("a=ssrc", text);
        var named = new St2110AudioSdp("c audio", IPAddress.Parse("::1"), IPAddress.Parse("ff3e::1234"), 5006, 2) { Ssrc = 7 }.Text();
        Assert.Equal(7u, St2110AudioFlow.From(Assert.Single(SessionDescription.Parse(named, "a.sdp")), "a.sdp", 16).Ssrc);
        var both = SessionDescription.Parse("v=0\nc=IN IP4 192.168.1.9\nm=audio 5000 RTP/AVP 97\na=rtpmap:97 L24/48000\nm=video 5002 RTP/AVP 96\na=rtpmap:96 raw/90000\n", "s");
        Assert.Equal([IPAddress.Parse("192.168.1.9"), IPAddress.Parse("192.168.1.9")], both.Select(m => m.Address));
        Assert.Equal(1, St2110AudioFlow.From(both[0], "s", 16).Channels);
    }

    [Fact]
    public void An_ssrc_line_names_the_flows_sender()
    {
        var media = SessionDescription.Parse("v=0\nc=IN IP4 239.1.1.1/64\nm=audio 5004 RTP/AVP 97\na=rtpmap:97 L24/48000/2\n" +
            "a=ssrc:3735928559 cname:studio@10.0.0.5\na=ssrc:3735928559 label:programme\n", "audio.sdp").Single();
        Assert.Equal(3735928559u, media.Ssrc);
        Assert.Equal(3735928559u, St2110AudioFlow.From(media, "audio.sdp", 16).Ssrc);
    }

    [Theory]
    [InlineData("", "line 1: empty: an SDP starts with v=0")]
    [InlineData("v=1\n", "line 1: an SDP starts with v=0")]
    [InlineData("v=0\nhello\n", "line 2: 'hello' is not an SDP line")]
    [InlineData("v=0\nc=IN IP4 1.2.3.4\n", "line 2: no media (m=) line")]
    [InlineData("v=0\nm=video 70000 RTP/AVP 96\n", "line 2: m=: '70000' is not a port")]
    [InlineData("v=0\nm=video 5004 udp 96\n", "line 2: m=video 5004 udp 96: expected")]
    [InlineData("v=0\nm=video 5004 RTP/AVP 96 97\n", "line 2: m=: one payload type a flow")]
    [InlineData("v=0\nm=video 5004 RTP/AVP 200\n", "line 2: m=: '200' is not an RTP payload type")]
    [InlineData("v=0\nm=video 5004 RTP/AVP 96\nc=IN IP4 somewhere\n", "line 3: c=: 'somewhere' is not an IP address")]
    [InlineData("v=0\nm=video 5004 RTP/AVP 96\nc=IN IP4 1.2.3.4\n", "line 2: no a=rtpmap for payload type 96")]
    [InlineData("v=0\nm=video 5004 RTP/AVP 96\na=rtpmap:96 raw/90000\n", "line 2: no connection (c=) address")]
    [InlineData("v=0\nc=IN IP4 1.2.3.4\nm=video 5004 RTP/AVP 96\na=rtpmap:96 raw\n", "line 4: a=rtpmap: 'raw' is not encoding/clock-rate")]
    [InlineData("v=0\nc=IN IP4 1.2.3.4\nm=video 5004 RTP/AVP 96\na=fmtp:x width=1\n", "line 4: a=fmtp: expected the payload type")]
    [InlineData("v=0\nc=IN IP4 1.2.3.4\nm=video 5004 RTP/AVP 96\na=ssrc:studio cname:x\n", "line 4: a=ssrc: 'studio' is not an SSRC")]
    [InlineData("v=0\nc=IN IP4 1.2.3.4\nm=video 5004 RTP/AVP 96\na=ssrc:7 cname:x\na=ssrc:8 cname:y\n", "line 5: a=ssrc: 8 after 7: this receiver takes one sender a flow")]
    public void Junk_is_refused_at_its_line_with_the_reason(string text, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => SessionDescription.Parse(text, "flow.sdp"));
        Assert.StartsWith("flow.sdp, ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("a=rtpmap:96 H264/90000", "line 4: H264/90000 is not ST 2110-20 video")]
    [InlineData("a=rtpmap:96 raw/90000\na=fmtp:96 sampling=RGB; depth=10; width=1; height=1; exactframerate=25", "line 5: sampling is 'RGB'")]
    [InlineData("a=rtpmap:96 raw/90000\na=fmtp:96 sampling=YCbCr-4:2:2; depth=8; width=1; height=1; exactframerate=25", "line 5: depth is '8'")]
    [InlineData("a=rtpmap:96 raw/90000\na=fmtp:96 sampling=YCbCr-4:2:2; depth=10; width=-4; height=1; exactframerate=25", "line 5: width '-4' is not a size")]
    [InlineData("a=rtpmap:96 raw/90000\na=fmtp:96 sampling=YCbCr-4:2:2; depth=10; width=2; height=1; exactframerate=fast", "line 5: exactframerate 'fast'")]
    public void A_video_flow_this_receiver_cannot_take_is_named_at_its_line(string lines, string expected)
    {
        var media = Assert.Single(SessionDescription.Parse($"v=0\nc=IN IP4 1.2.3.4\nm=video 5004 RTP/AVP 96\n{lines}\n", "v.sdp"));
        Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => St2110VideoFlow.From(media, "v.sdp")).Message);
    }

    [Theory]
    [InlineData("a=rtpmap:97 L16/48000/2", "line 4: L16/48000 is not ST 2110-30 audio")]
    [InlineData("a=rtpmap:97 L24/44100/2", "line 4: L24/44100 is not")]
    [InlineData("a=rtpmap:97 L24/48000/20", "line 4: '20' channels: this receiver takes 1 to 16")]
    public void An_audio_flow_this_receiver_cannot_take_is_named_at_its_line(string line, string expected)
    {
        var media = Assert.Single(SessionDescription.Parse($"v=0\nc=IN IP4 1.2.3.4\nm=audio 5004 RTP/AVP 97\n{line}\n", "a.sdp"));
        Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => St2110AudioFlow.From(media, "a.sdp", 16)).Message);
    }
}
