using System.Text;
using Playout.Devices.Gpi;

namespace Playout.Devices.Tests.Gpi;

/// <summary>The GPI box's byte stream read whole: junk passed over with its position, the reader back in step at the next pair, never an exception.</summary>
public class GpiReaderTests
{
    [Theory]
    [InlineData("3H", "3H", "")]
    [InlineData("1L8HaHhL", "1L 8H aH hL", "")]
    [InlineData("x3H", "3H", "byte 1 (0x78) is no port: passed over")]
    [InlineData("\r\n5L", "5L", "byte 1 (0x0D) is no port: passed over | byte 2 (0x0A) is no port: passed over")]
    [InlineData("334H", "4H", "byte 1 (port 3) has no state: passed over | byte 2 (port 3) has no state: passed over")]
    [InlineData("9H2L", "2L", "byte 1 (0x39) is no port: passed over | byte 2 (0x48) is no port: passed over")]
    [InlineData("3Z4H", "4H", "bytes 1-2 ('3', 0x5A) are no message: passed over")]
    [InlineData("IH", "", "byte 1 (0x49) is no port: passed over | byte 2 (0x48) is no port: passed over")]
    public void Messages_are_read_and_junk_is_passed_over_with_its_position(string stream, string messages, string junk)
    {
        var reader = new GpiReader();
        var passed = new List<string>();
        var read = reader.Read(Encoding.Latin1.GetBytes(stream), passed.Add);
        Assert.Equal(messages, string.Join(" ", read));
        Assert.Equal(junk, string.Join(" | ", passed));
    }

    [Fact]
    public void A_message_split_across_two_reads_is_joined_and_positions_count_on()
    {
        var reader = new GpiReader();
        var passed = new List<string>();
        Assert.Empty(reader.Read("2"u8, passed.Add));
        Assert.Equal([new GpiMessage(false, 2, true)], reader.Read("Hq"u8, passed.Add));
        Assert.Equal(["byte 3 (0x71) is no port: passed over"], passed);
    }
}
