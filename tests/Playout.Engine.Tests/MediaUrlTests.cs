namespace Playout.Engine.Tests;

public sealed class MediaUrlTests
{
    [Theory]
    [InlineData("/srv/media/news.mp4", null)]
    [InlineData("promos/news:late.mp4", null)]
    [InlineData("udp://239.0.0.1:5000", "udp")]
    [InlineData("SRT://studio:9000", "srt")]
    [InlineData("file:/etc/passwd", "file")]
    [InlineData("concat:a.mp4|b.mp4", "concat")]
    public void Scheme_is_the_protocol_a_url_names(string url, string? scheme) => Assert.Equal(scheme, MediaUrl.Scheme(url));

    [Theory]
    [InlineData("/srv/media/news.mp4", null, null, "protocol_whitelist=file")]
    [InlineData("file:/srv/media/news.mp4", null, null, "protocol_whitelist=udp,rtp,srt")]
    [InlineData("udp://239.0.0.1:5000", "timeout=2000000", null, "timeout=2000000:protocol_whitelist=udp,rtp,srt")]
    [InlineData("rtp://239.0.0.1:5004", null, "rtp", "protocol_whitelist=rtp,udp")]
    [InlineData("srt://studio:9000", null, "srt", "protocol_whitelist=srt")]
    public void A_path_may_open_only_as_a_file_and_a_url_only_over_the_allowed_protocols(string url, string? options, string? allowed, string expected) =>
        Assert.Equal(expected, MediaUrl.WithProtocols(url, options, allowed is null ? null : [allowed]));
}
