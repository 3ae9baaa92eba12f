using Playout.Automation.Imports;
using Playout.Automation.Schedules;
using Playout.Media.Formats;

namespace Playout.Automation.Tests.Imports;

/// <summary>One event written in JSON (a REST body) reads exactly as the same event in a schedule file.</summary>
public class EventBodyImportTests
{
    private static readonly ScheduleImportOptions Options = new(new Rational(25));

    private static EventImportResult Read(string json) => ScheduleImporter.ImportEvent("event body", json, Options);

    [Fact]
    public void A_body_gives_the_same_event_as_the_same_event_in_a_yaml_file()
    {
        var file = ScheduleImporter.Import("day.yaml", """
            date: 2026-03-01
            events:
              - id: news
                kind: clip
                source: media/news.mxf
                title: News
                start: "06:00:00"
                duration: "00:29:59:12"
                in: "10"
                out: "00:30:10"
                secondaries:
                  - { kind: logo-on, anchor: start, offset: "00:00:05", source: graphics/logo.png, layer: 20 }
                  - { kind: scte35, offset: "-2.5", scte35: { eventId: 7, duration: "00:00:30" } }
            """, Options);
        Assert.True(file.Ok, string.Join("\n", file.Errors));

        var body = Read("""
            { "id": "news", "kind": "clip", "source": "media/news.mxf", "title": "News", "start": "06:00:00",
              "duration": "00:29:59:12", "in": "10", "out": "00:30:10",
              "secondaries": [
                { "kind": "logo-on", "anchor": "start", "offset": "00:00:05", "source": "graphics/logo.png", "layer": 20 },
                { "kind": "scte35", "offset": "-2.5", "scte35": { "eventId": 7, "duration": "00:00:30" } } ] }
            """);

        Assert.True(body.Ok, string.Join("\n", body.Errors));
        var expected = file.Days.Single().Events.Single();
        Assert.True(EventEquality.Same(expected, body.Event!));
        Assert.Equal((TimingMode.Fixed, new TimeSpan(0, 0, 29, 59, 480)), (body.Event!.Timing, body.Event.Duration));

        // A day as the API answers it reads back as the same day.
        var written = ScheduleImporter.Import("day.json", NativeScheduleWriter.WriteDay(file.Days.Single()), Options);
        Assert.True(written.Ok, string.Join("\n", written.Errors));
        Assert.True(EventEquality.Same(expected, written.Days.Single().Events.Single()));
    }

    [Fact]
    public void A_cues_segmentation_reads_by_name_or_number_and_writes_back_the_same()
    {
        var body = Read("""
            { "id": "break", "kind": "filler", "source": "black", "duration": 60,
              "secondaries": [
                { "kind": "scte35", "scte35": { "timeSignal": true, "duration": "00:01:00",
                  "segmentation": { "type": "providerPlacementOpportunityStart", "eventId": 4000000000, "upidType": "0x0C",
                                    "upid": "0x4355454901", "segmentNum": 1, "segmentsExpected": 2, "subSegmentNum": 1, "subSegmentsExpected": 4 } } },
                { "kind": "scte35", "offset": 60, "scte35": { "timeSignal": true,
                  "segmentation": { "type": "0x35", "upidType": 9, "upid": "SIGNAL:abc-123", "duration": "00:00:30" } } } ] }
            """);

        Assert.True(body.Ok, string.Join("\n", body.Errors));
        var cues = body.Event!.SecondaryEvents.Select(s => s.Scte35!.Segmentation!).ToList();
        Assert.Equal(new Scte35Segmentation(0x34, 4_000_000_000, null, 0x0C, "0x4355454901", 1, 2, 1, 4), cues[0]);
        Assert.Equal(new Scte35Segmentation(0x35, null, TimeSpan.FromSeconds(30), 9, "SIGNAL:abc-123"), cues[1]);

        var day = new DaySchedule(new DateOnly(2026, 3, 1), [body.Event]);
        var written = ScheduleImporter.Import("day.json", NativeScheduleWriter.WriteDay(day), Options);
        Assert.True(written.Ok, string.Join("\n", written.Errors));
        Assert.True(EventEquality.Same(body.Event, written.Days.Single().Events.Single()));
        Assert.Equal(cues, written.Days.Single().Events.Single().SecondaryEvents.Select(s => s.Scte35!.Segmentation!));

        // docs/SCHEDULE-FORMAT.md's example, in YAML, with hex unquoted.
        var yaml = ScheduleImporter.Import("day.yaml", """
            date: 2026-03-01
            events:
              - id: break
                kind: filler
                source: black
                duration: 120
                secondaries:
                  - kind: scte35
                    scte35:
                      timeSignal: true
                      duration: "00:02:00"
                      segmentation: { type: providerPlacementOpportunityStart, eventId: 1001, upidType: 0x09, upid: "SIGNAL:morning-break-1" }
            """, Options);
        Assert.True(yaml.Ok, string.Join("\n", yaml.Errors));
        Assert.Equal(new Scte35Segmentation(0x34, 1001, null, 9, "SIGNAL:morning-break-1"),
            yaml.Days.Single().Events.Single().SecondaryEvents.Single().Scte35!.Segmentation);
    }

    [Theory]
    [InlineData("""{ "type": "adStart" }""", "type", "\"adStart\" is neither a segmentation type")]
    [InlineData("""{ "type": 256 }""", "type", "nor a number 0 to 255")]
    [InlineData("""{ "eventId": 1 }""", "type", "missing")]
    [InlineData("""{ "type": 52, "upid": "x" }""", "upidType", "a upid needs its upidType")]
    [InlineData("""{ "type": 52, "upidType": 12, "upid": "0x123" }""", "upid", "is not 0x and an even number of hex digits")]
    [InlineData("""{ "type": 52, "upidType": 15, "upid": "café" }""", "upid", "outside printable ASCII")]
    [InlineData("""{ "type": 52, "upidType": "0x100" }""", "upidType", "is not a number 0 to 255")]
    [InlineData("""{ "type": 52, "segmentNum": -1 }""", "segmentNum", "is not a whole number from 0 to 255")]
    [InlineData("""{ "type": 52, "upidtype": 1 }""", "upidtype", "unknown key; expected one of type, eventId, duration")]
    [InlineData("{ \"type\": 52, \"upidType\": 15, \"upid\": \"0x00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF\" }", "segmentation", "the descriptor would be 257 bytes, over the 255")]
    public void A_wrong_segmentation_field_is_refused_naming_it(string segmentation, string field, string message)
    {
        var body = Read($$"""{ "id": "x", "kind": "filler", "secondaries": [ { "kind": "scte35", "scte35": { "timeSignal": true, "segmentation": {{segmentation}} } } ] }""");

        Assert.False(body.Ok);
        Assert.Contains(body.Errors, e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"30\"")]
    [InlineData("30")]
    public void A_duration_in_plain_seconds_is_seconds_as_in_a_file_never_days(string written)
    {
        var body = Read($$"""{ "id": "x", "kind": "filler", "source": "#808080", "duration": {{written}} }""");
        var file = ScheduleImporter.Import("day.yaml", $"date: 2026-03-01\nevents:\n  - {{ id: x, kind: filler, source: \"#808080\", duration: {written} }}\n", Options);

        Assert.True(body.Ok, string.Join("\n", body.Errors));
        Assert.Equal(TimeSpan.FromSeconds(30), body.Event!.Duration);
        Assert.Equal(file.Days.Single().Events.Single().Duration, body.Event.Duration);
    }

    [Theory]
    [InlineData("""{ "id": "x", "kind": "filler", "sorce": "#808080" }""", 1, "sorce", "unknown key; expected one of id, kind, source")]
    [InlineData("""{ "id": "x", "kind": "nope" }""", 1, "kind", "\"nope\" is not one of clip, live, still, filler, block")]
    [InlineData("""{ "id": "x", "kind": "filler", "duration": "soon" }""", 1, "duration", "\"soon\" is not a duration")]
    [InlineData("""{ "id": "x", "kind": "filler", "loop": "yes" }""", 1, "loop", "\"yes\" is not true or false")]
    [InlineData("""{ "id": "x", "kind": "block", "children": {} }""", 1, "children", "expected a list, found a mapping")]
    [InlineData("{ \"id\": \"x\",\n  \"kind\": \"clip\",\n  \"secondaries\": [ { \"kind\": \"logo-on\", \"ofset\": 1 } ] }", 3, "ofset", "unknown key")]
    [InlineData("""{ "kind": "filler" }""", 1, "id", "missing")]
    [InlineData("""{ "id": null, "kind": "filler" }""", 1, "id", "null; it needs a value")]
    [InlineData("""{ "id": "x", "kind": null }""", 1, "kind", "null; it needs a value")]
    [InlineData("{ \"id\": \"x\",\n  \"kind\": \"filler\",\n  \"timing\": \"follow\",\n  \"start\": \"06:00:00\" }", 4, "start", "only a fixed event has a start time")]
    public void A_wrong_field_is_refused_naming_the_field_and_its_line(string json, int line, string field, string message)
    {
        var body = Read(json);

        Assert.False(body.Ok);
        Assert.Null(body.Event);
        Assert.Contains(body.Errors, e => e.Line == line && e.Field == field && e.Message.Contains(message, StringComparison.Ordinal)
            && e.ToString().StartsWith("event body, line ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("null", "expected an event (a mapping), found null")]
    [InlineData("[]", "expected an event (a mapping), found a list")]
    [InlineData("""{ "id": "x", """, "not valid JSON")]
    [InlineData("""{ "id": "x", "kind": "clip" }""", "source")]
    public void A_body_that_is_no_event_is_refused_saying_why(string json, string message)
    {
        var body = Read(json);

        Assert.False(body.Ok);
        Assert.Contains(body.Errors, e => e.ToString().Contains(message, StringComparison.Ordinal));
    }
}
