using Playout.Devices.Videohub;

namespace Playout.Devices.Tests.Videohub;

/// <summary>The Videohub reader over good and bad bytes: blocks as the protocol frames them, every bad line skipped with its line number, never an exception.</summary>
public class VideohubReaderTests
{
    private const string Prelude =
        "PROTOCOL PREAMBLE:\nVersion: 2.8\n\nVIDEOHUB DEVICE:\nDevice present: true\nModel name: Smart Videohub 12x12\nVideo inputs: 12\nVideo outputs: 12\n\n" +
        "INPUT LABELS:\n0 Camera 1\n1 Camera 2\n\nVIDEO OUTPUT ROUTING:\n0 1\n1 0\n\nEND PRELUDE:\n\nACK\n\n";

    [Fact]
    public void A_prelude_fed_whole_or_a_character_at_a_time_gives_the_same_blocks_and_no_problems()
    {
        var problems = new List<string>();
        var whole = new VideohubReader(problems.Add).Feed(Prelude);
        var split = new VideohubReader(problems.Add);
        var pieces = Prelude.Replace("\n", "\r\n", StringComparison.Ordinal).SelectMany(c => split.Feed([c])).ToList();

        Assert.Equal(["PROTOCOL PREAMBLE:", "VIDEOHUB DEVICE:", "INPUT LABELS:", "VIDEO OUTPUT ROUTING:", "END PRELUDE:", "ACK"], whole.Select(b => b.Header));
        Assert.Equal(whole.Select(b => b.ToString()), pieces.Select(b => b.ToString()));
        Assert.Equal("VIDEO OUTPUT ROUTING: 0 1 | 1 0", whole[3].ToString());
        Assert.Equal(14, whole[3].Line);
        Assert.Empty(problems);
        var fields = VideohubItems.Fields(whole[1], problems.Add);
        Assert.Equal(("Smart Videohub 12x12", "12"), (fields["Model name"], fields["Video inputs"]));
        Assert.Equal([(0, "Camera 1"), (1, "Camera 2")], VideohubItems.Indexed(whole[2], problems.Add));
    }

    [Fact]
    public void Junk_lines_are_skipped_with_their_line_number_and_a_header_without_a_blank_line_closes_the_block_before_it()
    {
        var problems = new List<string>();
        string text = "stray words\n\nINPUT LABELS:\n0 Camera 1\nOUTPUT LABELS:\n0 Monitor\n\u0007bell\n" + new string('x', 2000) + "\n\n" +
            "VIDEO OUTPUT ROUTING:\n0 1\nx 3\n2 y\n\nVIDEO OUTPUT LOCKS:\n0 Q\n1 O\n\n";
        var blocks = new VideohubReader(problems.Add).Feed(text);

        Assert.Equal(["INPUT LABELS: 0 Camera 1", "OUTPUT LABELS: 0 Monitor", "VIDEO OUTPUT ROUTING: 0 1 | x 3 | 2 y", "VIDEO OUTPUT LOCKS: 0 Q | 1 O"],
            blocks.Select(b => b.ToString()));
        Assert.Equal([(0, "1")], VideohubItems.Indexed(blocks[2], problems.Add, VideohubItems.WholeNumber));
        Assert.Equal([(1, "O")], VideohubItems.Indexed(blocks[3], problems.Add, VideohubItems.LockState));
        Assert.Equal(
        [
            "line 1: 'stray words' is outside any block, skipped",
            "line 5: OUTPUT LABELS: without a blank line before it (closing INPUT LABELS: there)",
            "line 7: control characters in '?bell', skipped",
            "line 8: longer than 1024 characters, skipped",
            "line 12: 'x 3' in VIDEO OUTPUT ROUTING: does not start with an index, skipped",
            "line 13: '2 y' in VIDEO OUTPUT ROUTING: 'y' is not an index, skipped",
            "line 16: '0 Q' in VIDEO OUTPUT LOCKS: 'Q' is not a lock state (U, O, L), skipped",
        ], problems);
    }

    [Fact]
    public void Two_fields_glued_by_a_missing_newline_are_both_read_and_the_quirk_is_reported()
    {
        var problems = new List<string>();
        var block = new VideohubReader(problems.Add).Feed("VIDEOHUB DEVICE:\nModel name: Virtual Videohub\nVideo inputs: 41Video processing units: 0\nno colon here\n\n").Single();
        var fields = VideohubItems.Fields(block, problems.Add);

        Assert.Equal(("41", "0", "Virtual Videohub"), (fields["Video inputs"], fields["Video processing units"], fields["Model name"]));
        Assert.Equal(
        [
            "line 3: 'Video inputs: 41Video processing units: 0' holds two fields (a missing newline); read as 'Video inputs: 41' and 'Video processing units: 0'",
            "line 4: 'no colon here' in VIDEOHUB DEVICE: is not 'Key: value', skipped",
        ], problems);
    }

    [Fact]
    public void A_babbling_block_is_cut_at_its_item_limit_and_the_rest_reported()
    {
        var problems = new List<string>();
        string items = string.Concat(Enumerable.Range(0, VideohubReader.MaxItems + 2).Select(i => $"{i} 0\n"));
        var block = new VideohubReader(problems.Add).Feed($"VIDEO OUTPUT ROUTING:\n{items}\n").Single();
        Assert.Equal(VideohubReader.MaxItems, block.Items.Count);
        Assert.Equal([$"line {VideohubReader.MaxItems + 2}: more than {VideohubReader.MaxItems} items in VIDEO OUTPUT ROUTING:, skipped",
            $"line {VideohubReader.MaxItems + 3}: more than {VideohubReader.MaxItems} items in VIDEO OUTPUT ROUTING:, skipped"], problems);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_junk_never_throws_and_the_block_after_it_is_read(int seed)
    {
        var random = new Random(seed);
        var problems = new List<string>();
        var reader = new VideohubReader(problems.Add);
        for (int i = 0; i < 200; i++)
        {
            char[] junk = [.. Enumerable.Range(0, random.Next(1, 300)).Select(_ => random.Next(4) == 0 ? '\n' : (char)random.Next(0, 0x3000))];
            reader.Feed(junk);
        }
        var after = reader.Feed("\n\nACK\n\n");
        Assert.Equal("ACK", after[^1].ToString());
        Assert.All(problems, p => Assert.Matches("^line [0-9]+: ", p));
    }
}
