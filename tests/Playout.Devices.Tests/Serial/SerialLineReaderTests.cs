using System.Text;
using Playout.Devices.Serial;

namespace Playout.Devices.Tests.Serial;

/// <summary>The serial line reader: lines ended by CR, LF or both, split anywhere; noise, over-long lines and random bytes skipped with their line number, never thrown.</summary>
public class SerialLineReaderTests
{
    [Fact]
    public void Lines_end_with_CR_LF_or_both_and_may_arrive_in_pieces()
    {
        var problems = new List<string>();
        var reader = new SerialLineReader(problems.Add);
        var lines = new List<string>();
        foreach (string piece in (string[])["OK\r", "\nSTAT RF=", "ON\nMEAS\r\r\n", "\n", "ID x\r"])
            lines.AddRange(reader.Feed(Encoding.ASCII.GetBytes(piece)));
        Assert.Equal(["OK", "STAT RF=ON", "MEAS", "ID x"], lines);
        Assert.Empty(problems);
    }

    [Fact]
    public void A_line_with_noise_or_too_long_is_skipped_saying_which_and_the_next_is_read()
    {
        var problems = new List<string>();
        var reader = new SerialLineReader(problems.Add);
        byte[] bytes = [.. "OK\r\n"u8, 0x00, 0xFF, (byte)'~', 0x1B, (byte)'\n', .. Encoding.ASCII.GetBytes(new string('x', SerialLineReader.MaxLine + 5) + "\nERR 1\n")];
        Assert.Equal(["OK", "ERR 1"], reader.Feed(bytes));
        Assert.Equal(["line 2: 0x00 0xFF 0x1B in '??~?' is not text, skipped", $"line 3: longer than {SerialLineReader.MaxLine} characters, skipped"], problems);
    }

    [Fact]
    public void Random_bytes_never_throw_and_only_printable_lines_within_the_limit_come_out()
    {
        var random = new Random(14);
        var reader = new SerialLineReader(_ => { });
        var bytes = new byte[4096];
        int lines = 0;
        for (int round = 0; round < 200; round++)
        {
            random.NextBytes(bytes);
            // Some rounds mostly text, so that lines do come out.
            if (round % 2 == 0)
                for (int i = 0; i < bytes.Length; i++)
                    bytes[i] = (byte)(bytes[i] % 7 == 0 ? '\n' : 0x20 + bytes[i] % 95);
            foreach (string line in reader.Feed(bytes.AsSpan(0, random.Next(bytes.Length))))
            {
                lines++;
                Assert.InRange(line.Length, 1, SerialLineReader.MaxLine);
                Assert.All(line, c => Assert.InRange(c, ' ', '~'));
            }
        }
        Assert.True(lines > 1000, $"only {lines} lines");
    }
}
