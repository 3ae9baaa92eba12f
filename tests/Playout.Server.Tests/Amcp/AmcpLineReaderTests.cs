using System.Text;
using Playout.Server.Amcp;

namespace Playout.Server.Tests.Amcp;

/// <summary>Line splitting: CRLF or LF, UTF-8 across reads, over-long lines skipped to their end.</summary>
public sealed class AmcpLineReaderTests
{
    private static async Task<List<AmcpLine>> Lines(byte[] bytes)
    {
        var reader = new AmcpLineReader(new MemoryStream(bytes));
        var lines = new List<AmcpLine>();
        while (await reader.Read(CancellationToken.None) is { } line)
            lines.Add(line);
        return lines;
    }

    [Fact]
    public async Task Crlf_and_lf_end_lines_utf8_is_decoded_and_a_last_line_without_an_end_is_dropped()
    {
        var lines = await Lines(Encoding.UTF8.GetBytes("PLAY 1-1 \"Tết 中\"\r\nPING\n\r\nlast"));
        Assert.Equal(["PLAY 1-1 \"Tết 中\"", "PING", ""], lines.Select(l => l.Text));
        Assert.All(lines, l => Assert.False(l.IsTooLong));
    }

    [Theory]
    [InlineData(AmcpLineReader.MaxLineBytes, false)]
    [InlineData(AmcpLineReader.MaxLineBytes + 1, true)]
    [InlineData(1024 * 1024, true)]
    public async Task A_line_at_the_limit_is_skipped_to_its_end_and_the_next_line_is_read(int length, bool tooLong)
    {
        foreach (string end in (string[])["\r\n", "\n"])
        {
            var lines = await Lines(Encoding.UTF8.GetBytes(new string('a', length) + end + "VERSION\r\n"));
            Assert.Equal(2, lines.Count);
            Assert.Equal(tooLong, lines[0].IsTooLong);
            Assert.Equal(tooLong ? AmcpLine.TooLong.Text : new string('a', length), lines[0].Text);
            Assert.Equal("VERSION", lines[1].Text);
        }
    }
}
