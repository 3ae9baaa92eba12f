using Playout.Automation.Imports;
using Playout.Automation.Schedules;
using Playout.Media.Formats;
using static Playout.Automation.Tests.Imports.ImportTestSupport;

namespace Playout.Automation.Tests.Imports;

/// <summary>A schedule's sources stay inside the media roots and on the allowed network protocols; each refusal names the event, the field and its line.</summary>
public sealed class SourceRulesTests
{
    private static readonly string Media = Path.Combine(Path.GetTempPath(), "playout-media-roots", "media");
    private static readonly string Archive = Path.Combine(Path.GetTempPath(), "playout-media-roots", "archive");
    private static readonly SourceRules Rules = SourceRules.For(Media, [Archive]);

    private static ScheduleImportResult ImportWith(string events, SourceRules? rules = null) =>
        ScheduleImporter.Import("day.yaml", $"date: 2026-11-25\nevents:\n{events}", new ScheduleImportOptions(new Rational(25), Sources: rules ?? Rules));

    private static string Clip(string source, string kind = "clip") => $"  - id: x\n    kind: {kind}\n    source: \"{source}\"\n    duration: 10\n";

    [Theory]
    [InlineData("../etc/passwd", "'../etc/passwd' is outside the media roots")]
    [InlineData("promos/../../secret.mp4", "'promos/../../secret.mp4' is outside the media roots")]
    [InlineData("/etc/passwd", "'/etc/passwd' is outside the media roots")]
    [InlineData("file:///etc/passwd", "the protocol 'file' is not allowed (allowed: udp://, rtp://, srt://)")]
    [InlineData("file:/etc/passwd", "the protocol 'file' is not allowed")]
    [InlineData("http://example.com/a.mp4", "the protocol 'http' is not allowed")]
    [InlineData("tcp://127.0.0.1:9000", "the protocol 'tcp' is not allowed")]
    [InlineData("concat:a.mp4|b.mp4", "the protocol 'concat' is not allowed")]
    public void A_clip_source_outside_the_roots_or_protocols_is_an_error_at_its_event(string source, string message)
    {
        var result = ImportWith(Clip(source));

        var error = ErrorAt(result, 5, "source", message);
        Assert.Equal("x", error.Event);
    }

    [Theory]
    [InlineData("news.mp4")]
    [InlineData("promos/../news.mp4")]
    [InlineData("udp://239.0.0.1:5000")]
    [InlineData("SRT://studio.example:9000")]
    [InlineData("rtp://239.0.0.1:5004")]
    public void A_clip_in_the_media_folder_or_on_an_allowed_protocol_is_accepted(string source) =>
        Assert.True(ImportWith(Clip(source)).Ok);

    [Fact]
    public void A_file_in_another_media_root_is_accepted_by_its_full_path() =>
        Assert.True(ImportWith(Clip(Path.Combine(Archive, "old", "film.mxf"))).Ok);

    [Fact]
    public void A_folder_that_only_starts_like_a_root_is_outside_it()
    {
        var result = ImportWith(Clip(Media + "-other/film.mxf"));

        ErrorAt(result, 5, "source", "is outside the media roots");
    }

    [Theory]
    [InlineData("card:2", null)]
    [InlineData("srt://studio.example:9000", null)]
    [InlineData("news.mp4", "'news.mp4' is not a live source (card:N, or a stream URL: udp://, rtp://, srt://)")]
    [InlineData("http://example.com/live.m3u8", "the protocol 'http' is not allowed")]
    [InlineData("card:x", "the protocol 'card' is not allowed")]
    public void A_live_source_is_a_card_input_or_an_allowed_stream(string source, string? message)
    {
        var result = ImportWith(Clip(source, "live"));

        if (message is null)
            Assert.True(result.Ok, string.Join("\n", result.Errors));
        else
            ErrorAt(result, 5, "source", message);
    }

    [Fact]
    public void The_allowed_protocols_are_configurable()
    {
        var rules = SourceRules.For(Media, protocols: ["srt"]);

        ErrorAt(ImportWith(Clip("udp://239.0.0.1:5000", "live"), rules), 5, "source", "the protocol 'udp' is not allowed (allowed: srt://)");
        Assert.True(ImportWith(Clip("srt://studio.example:9000", "live"), rules).Ok);
    }

    [Fact]
    public void A_graphic_and_a_filler_picture_are_confined_but_colours_are_not_files()
    {
        var result = ImportWith("""
              - id: logo
                kind: clip
                source: news.mp4
                duration: 10
                secondaries:
                  - { kind: logo-on, source: ../../logo.png }
              - id: fill
                kind: filler
                source: /srv/other/slate.png
                duration: 10
              - id: black
                kind: filler
                source: "#000000"
                duration: 10

            """);

        Assert.Equal(2, result.Errors.Count);
        ErrorAt(result, 3, null, "event logo, secondary 1 (LogoOn): source: '../../logo.png' is outside the media roots");
        ErrorAt(result, 11, "source", "'/srv/other/slate.png' is outside the media roots");
    }
}
