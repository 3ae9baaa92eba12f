using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Playout.Automation.Imports;
using Playout.Automation.Schedules;
using Playout.Media.Formats;
using static Playout.Automation.Tests.Imports.ImportTestSupport;

namespace Playout.Automation.Tests.Imports;

/// <summary>
/// Every reader is total: junk, truncations and byte mutations of the sample files give a result (days, or errors
/// that each name the file and a place in it), never an exception. PLAYOUT_FUZZ_RUNS sets the cases per property
/// (default 300; a long run: PLAYOUT_FUZZ_RUNS=100000).
/// </summary>
public sealed class ImporterFuzzTests
{
    // With the service's checks: sources confined to a media folder.
    private static readonly ScheduleImportOptions Options = new(new Rational(25), Sources: SourceRules.For("/srv/media"));

    private static int Runs => int.TryParse(Environment.GetEnvironmentVariable("PLAYOUT_FUZZ_RUNS"), out int runs) ? runs : 300;

    public static TheoryData<string> Samples => new() { "day.yaml", "demo-day.yaml", "day.json", "day.csv", "day.bxf" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_truncated_sample_gives_a_result(string sample)
    {
        string text = File.ReadAllText(SamplePath(sample));
        Check(Gen.Choose(0, text.Length).Select(n => text[..n]), sample);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_byte_mutated_sample_gives_a_result(string sample)
    {
        byte[] bytes = File.ReadAllBytes(SamplePath(sample));
        // As ScheduleImporter.Load and the REST body read it: UTF-8, an invalid sequence becoming U+FFFD.
        Check(Mutations(bytes).Select(b => Encoding.UTF8.GetString(b)), sample);
    }

    [Theory]
    [InlineData("junk.yaml")]
    [InlineData("junk.json")]
    [InlineData("junk.csv")]
    [InlineData("junk.bxf")]
    public void Junk_gives_a_result(string name) => Check(Junk, name);

    [Theory]
    [InlineData("deep.yaml", "[", "]")]
    [InlineData("deep.yaml", "- ", "")]
    [InlineData("deep.json", "[", "]")]
    [InlineData("deep.bxf", "<a>", "</a>")]
    public void Deep_nesting_is_an_error_at_a_line(string name, string open, string close)
    {
        var result = Import(name, string.Concat(Enumerable.Repeat(open, 100_000)) + string.Concat(Enumerable.Repeat(close, 100_000)));

        Assert.False(result.Ok);
        Assert.All(result.Errors, Located);
    }

    // Found by the properties above: each reached a parser exception other than its format's own.
    [Theory]
    [InlineData("half.yaml", "date: \"\\ud800\"\n", 1)]
    [InlineData("half.json", "{\"date\": \"2026-11-25\",\n \"events\": [\"\\ud800\"]}", 2)]
    [InlineData("unclosed.yaml", "- { id: a, kind: clip, source: x.mp4\n- id: [\n", 2)]
    public void A_parser_failure_of_another_kind_is_an_error_at_its_line(string name, string text, int line)
    {
        var error = Assert.Single(Import(name, text).Errors);

        Assert.Equal(line, error.Line);
        Assert.StartsWith("not valid", error.Message);
    }

    [Fact]
    public void An_alias_bomb_is_refused_not_expanded()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++)
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");

        var result = Import("bomb.yaml", yaml.ToString());

        var error = Assert.Single(result.Errors);
        Assert.Contains("more than 1000000 values", error.Message);
        Assert.Equal(6, error.Line); // a5 repeats 10^6 values
    }

    private static void Check(Gen<string> texts, string name) =>
        Prop.ForAll(texts.ToArbitrary(), text =>
        {
            var result = ScheduleImporter.Import(name, text, Options);
            Assert.Equal(result.Errors.Count == 0, result.Ok);
            if (!result.Ok)
            {
                Assert.Empty(result.Days);
                Assert.All(result.Errors, e => Assert.Equal(name, e.File));
                if (text.Trim().Length > 0)
                    Assert.All(result.Errors, Located);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Runs).WithQuietOnSuccess(true));

    // Only a problem of the file as a whole ("the file is empty") has no place in it.
    private static void Located(ImportError error) =>
        Assert.True(error.Line is not null || error.Element is not null || error.Message.StartsWith("the file", StringComparison.Ordinal),
            $"not located: {error}");

    /// <summary>The sample with 1-8 edits: a byte replaced, removed, inserted, or a slice repeated.</summary>
    private static Gen<byte[]> Mutations(byte[] sample)
    {
        var edit = from kind in Gen.Choose(0, 3)
                   from at in Gen.Choose(0, sample.Length)
                   from length in Gen.Choose(1, 40)
                   from value in Gen.Choose(0, 255)
                   select (Func<List<byte>, List<byte>>)(bytes =>
                   {
                       int i = Math.Min(at, bytes.Count);
                       switch (kind)
                       {
                           case 0 when i < bytes.Count: bytes[i] = (byte)value; break;
                           case 1: bytes.RemoveRange(i, Math.Min(length, bytes.Count - i)); break;
                           case 2: bytes.Insert(i, (byte)value); break;
                           default: bytes.InsertRange(i, bytes.GetRange(i, Math.Min(length, bytes.Count - i))); break;
                       }
                       return bytes;
                   });
        return Gen.Choose(1, 8).SelectMany(n => edit.ListOf(n))
            .Select(edits => edits.Aggregate(sample.ToList(), (bytes, e) => e(bytes)).ToArray());
    }

    /// <summary>Text made of the formats' own punctuation, keywords and odd characters, so parsers get past their first token.</summary>
    private static Gen<string> Junk
    {
        get
        {
            string[] pieces =
            [
                "{", "}", "[", "]", ":", ",", "-", " ", "\n", "\t", "\"", "'", "&a", "*a", "!!str", "#", "|", ">", "---", "...",
                "<", ">", "/", "=", "<?xml version=\"1.0\"?>", "<!DOCTYPE x [<!ENTITY e \"x\">]>", "&e;", "<![CDATA[",
                "BxfMessage", "ScheduledEvent", "EventData", "date", "events", "days", "id", "kind", "clip", "block", "children",
                "source", "start", "duration", "2026-11-25", "10:00:00:00", "99999999999999999999", "1e400", "NaN", "\\ud800",
                "\\u0000", "\u0000", "\ud800", "٣", "null", "true", ";", "\r", "source: ../../x", "file:", "udp://", "card:",
            ];
            return Gen.Elements(pieces).ListOf().Select(p => string.Concat(p));
        }
    }
}
