using Playout.Automation.Imports;
using Playout.Automation.Schedules;
using Playout.Media.Formats;
using static Playout.Automation.Tests.Imports.ImportTestSupport;

namespace Playout.Automation.Tests.Imports;

public class NativeImportTests
{
    [Theory]
    [InlineData("day.yaml")]
    [InlineData("day.json")]
    public void The_sample_day_loads_with_timings_times_and_secondaries(string name)
    {
        var sample = Sample(name);

        Assert.True(sample.Ok, string.Join("\n", sample.Errors));
        var day = Assert.Single(sample.Days);
        Assert.Equal(new DateOnly(2026, 11, 25), day.Date);
        Assert.Equal(["morning-news", "break-1", "film", "evening-live"], day.Events.Select(e => e.Id));

        var news = Event(sample, "morning-news");
        Assert.Equal((PrimaryKind.Clip, TimingMode.Fixed, TimeSpan.FromHours(6), TimeSpan.FromMinutes(30)), (news.Kind, news.Timing, news.Start, news.Duration));
        Assert.Equal(("media/news-0600.mxf", "Morning news"), (news.Source, news.Title));
        Assert.Equal(
            [new SecondaryEvent(SecondaryKind.LogoOn, EventAnchor.Start, TimeSpan.FromSeconds(5), Source: "graphics/logo.png"),
             new SecondaryEvent(SecondaryKind.LogoOff, EventAnchor.End, TimeSpan.FromSeconds(-5))],
            news.SecondaryEvents);

        var promo = Event(sample, "break-1");
        Assert.Equal((TimingMode.Follow, null, TimeSpan.FromSeconds(30)), (promo.Timing, promo.Start, promo.Duration));
        var splice = Assert.Single(promo.SecondaryEvents);
        Assert.Equal(new Scte35Cue(1001, OutOfNetwork: true, BreakDuration: TimeSpan.FromSeconds(30), AutoReturn: true), splice.Scte35);

        var film = Event(sample, "film");
        Assert.Equal((TimeSpan.FromSeconds(10), new TimeSpan(1, 30, 10), (TimeSpan?)null), (film.In!.Value, film.Out!.Value, film.Duration));

        var live = Event(sample, "evening-live");
        Assert.Equal((PrimaryKind.Live, TimingMode.Fixed, TimeSpan.FromHours(18)), (live.Kind, live.Timing, live.Start));
    }

    [Fact]
    public void Yaml_and_json_samples_give_the_same_events()
    {
        var yaml = Sample("day.yaml").Days.Single().Events;
        var json = Sample("day.json").Days.Single().Events;
        Assert.Equal(yaml.Count, json.Count);
        Assert.All(yaml.Zip(json), pair => Assert.True(EventEquality.Same(pair.First, pair.Second), pair.First.Id));
    }

    private const string BadYaml = """
        date: 2026-11-25
        events:
          - id: news
            kind: clip
            source: a.mxf
            duration: "1:00:xx"
          - id: film
            kind: movie
            source: b.mxf
            durtion: "00:10:00"
          - id: promo
            kind: clip
          - id: late
            kind: clip
            source: c.mxf
            timing: fixed
          - id: news
            kind: filler
        """;

    [Fact]
    public void Every_error_of_a_yaml_file_is_reported_at_its_line_and_the_file_gives_no_schedule()
    {
        var result = Import("schedule.yaml", BadYaml);

        Assert.Equal(
            "schedule.yaml, line 6, column 15, event \"news\", field duration: \"1:00:xx\" is not a duration "
            + "(expected HH:MM:SS, HH:MM:SS.fff, timecode HH:MM:SS:FF or seconds)",
            ErrorAt(result, 6, "duration", "is not a duration").ToString());
        Assert.Equal("film", ErrorAt(result, 8, "kind", "\"movie\" is not one of clip, live, still, filler, block").Event);
        ErrorAt(result, 10, "durtion", "unknown key; expected one of id, kind, source");
        ErrorAt(result, 11, null, "event promo: source: a clip event needs one");
        ErrorAt(result, 13, null, "event late: start: a fixed event needs a start time");
        ErrorAt(result, 17, "id", "id used twice in 2026-11-25 (first on line 3)");
        Assert.Equal(6, result.Errors.Count);
    }

    [Theory]
    [InlineData("s.yaml", "date: 2026-11-25\nevents:\n  - id: a\n   kind: clip\n", 4)]
    [InlineData("s.yaml", "date: 2026-11-25\nevents: [\n", 3)]
    [InlineData("s.json", "{\n  \"date\": \"2026-11-25\",\n  \"events\": [ { \"id\": \"a\",, } ]\n}", 3)]
    [InlineData("s.json", "{ \"date\": \"2026-11-25\" }\n{}", 2)]
    public void A_syntax_error_gives_its_line(string name, string text, int line)
    {
        var result = Import(name, text);

        var error = Assert.Single(result.Errors);
        Assert.Equal(line, error.Line);
        Assert.Contains(name.EndsWith(".json", StringComparison.Ordinal) ? "not valid JSON" : "not valid YAML", error.Message);
        Assert.Empty(result.Days);
    }

    [Fact]
    public void Json_errors_name_line_and_column_and_a_missing_source_and_kind_are_reported()
    {
        var result = Import("s.json", """
            {
              "date": "2026-11-25",
              "events": [
                { "id": "a", "kind": "clip", "duration": "00:00:10" },
                { "id": "b", "source": "x.mxf", "start": "25:61:00" },
                { "id": "c", "kind": "clip", "source": "y.mxf", "start": "06:00:00", "timing": "follow" }
              ]
            }
            """);

        Assert.Equal(5, ErrorAt(result, 4, null, "event a: source: a clip event needs one").Column);
        ErrorAt(result, 5, "kind", "missing");
        Assert.Equal(46, ErrorAt(result, 5, "start", "\"25:61:00\": minutes must be 00-59").Column);
        Assert.Equal(62, ErrorAt(result, 6, "start", "only a fixed event has a start time (timing is follow)").Column);
        Assert.Equal(4, result.Errors.Count);
    }

    [Fact]
    public void Blocks_secondaries_of_every_kind_and_several_days_map_field_by_field()
    {
        var result = Import("s.json", """
            // Comments are allowed in a JSON schedule.
            { "days": [
              { "date": "2026-11-25", "events": [
                { "id": "loop", "kind": "block", "duration": "01:00:00", "loop": true, "timing": "manual",
                  "children": [ { "id": "p1", "kind": "still", "source": "s.png", "duration": 10 },
                                { "id": "p2", "kind": "filler", "source": "bars", "duration": 2.5 } ],
                  "secondaries": [
                    { "kind": "audio-level", "level": -6.5, "frames": 25, "offset": "-00:00:01.500" },
                    { "kind": "graphics-take", "layer": 30, "source": "lower-third.png", "anchor": "end" },
                    { "kind": "device", "device": "router", "command": "take", "args": { "input": "4", "level": "video" } },
                    { "kind": "scte35", "scte35": { "timeSignal": true } }
                  ] } ] },
              { "date": "2026-11-26", "events": [ { "id": "loop", "kind": "filler" } ] }
            ] }
            """);

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Equal([new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 26)], result.Days.Select(d => d.Date));
        var block = result.Days[0].Events.Single();
        Assert.Equal((PrimaryKind.Block, TimingMode.Manual, true), (block.Kind, block.Timing, block.Loop));
        Assert.Equal([(PrimaryKind.Still, TimeSpan.FromSeconds(10)), (PrimaryKind.Filler, TimeSpan.FromSeconds(2.5))],
            block.Blocks.Select(c => (c.Kind, c.Duration!.Value)));
        var s = block.SecondaryEvents;
        Assert.Equal((-6.5, 25, TimeSpan.FromSeconds(-1.5)), (s[0].LevelDb!.Value, s[0].Frames, s[0].Offset));
        Assert.Equal((30, EventAnchor.End), (s[1].Layer!.Value, s[1].Anchor));
        Assert.Equal(("router", "take", "4"), (s[2].Device, s[2].Command, s[2].Arguments!["input"]));
        Assert.True(s[3].Scte35!.TimeSignal);
        Assert.Equal(2, result.EventCount);
    }

    [Fact]
    public void Drop_frame_timecode_counts_at_29_97_and_is_refused_at_25()
    {
        const string text = "date: 2026-11-25\nevents:\n  - { id: a, kind: filler, duration: \"00:01:00;02\" }\n";

        var ntsc = Import("s.yaml", text, new Rational(30000, 1001));
        // 00:01:00;02 is frame 1800 in drop-frame: 1800 × 1001/30000 s.
        Assert.Equal(TimeSpan.FromSeconds(60.06), ntsc.Days.Single().Events.Single().Duration);

        var pal = Import("s.yaml", text);
        Assert.Contains("drop-frame timecode exists only at 29.97 and 59.94", ErrorAt(pal, 3, "duration", "is a timecode").Message);
    }

    [Fact]
    public void A_day_given_twice_an_unknown_root_key_and_a_bad_date_are_errors()
    {
        var result = Import("s.yaml", """
            days:
              - date: 2026-11-25
                events: [ { id: a, kind: filler } ]
              - date: 2026-11-25
                events: [ { id: b, kind: filler } ]
              - date: 25.11.2026
                events: []
                notes: hello
            """);

        ErrorAt(result, 4, "date", "day 2026-11-25 is given twice (first on line 2)");
        ErrorAt(result, 6, "date", "\"25.11.2026\" is not a date");
        ErrorAt(result, 8, "notes", "unknown key; expected one of date, events");
    }

    [Fact]
    public void A_required_field_written_as_null_is_an_error_not_a_dropped_event_or_day()
    {
        var result = Import("s.yaml", "date: 2026-11-25\nevents:\n  - { id: a, kind: filler, source: black, duration: 5 }\n  - { id: ~, kind: filler }\n  - { id: c, kind: null }\n");

        ErrorAt(result, 4, "id", "null; it needs a value");
        ErrorAt(result, 5, "kind", "null; it needs a value");
        ErrorAt(Import("t.yaml", "date:\nevents: []\n"), 1, "date", "null; it needs a value");
    }

    [Fact]
    public void Errors_stop_at_the_cap_and_say_so()
    {
        var events = string.Concat(Enumerable.Range(0, 80).Select(i => $"  - {{ id: e{i}, kind: nope }}\n"));

        var result = Import("s.yaml", "date: 2026-11-25\nevents:\n" + events);

        Assert.Equal(50, result.Errors.Count);
        Assert.True(result.ErrorsTruncated);
    }

    [Fact]
    public void An_unknown_extension_or_a_missing_file_is_an_error_result()
    {
        Assert.Contains("extension .txt names no schedule format", Assert.Single(Import("s.txt", "").Errors).Message);
        var missing = ScheduleImporter.Load("/nonexistent/day.yaml", new ScheduleImportOptions(new Rational(25)));
        Assert.Contains("cannot read the file", Assert.Single(missing.Errors).Message);
    }
}
