using System.Text;
using Playout.Automation.Schedules;
using static Playout.Automation.Tests.Imports.ImportTestSupport;

namespace Playout.Automation.Tests.Imports;

/// <summary>Text fields and counts have limits (docs/SCHEDULE-FORMAT.md, "Limits"): an oversized value is a located error, never echoed whole.</summary>
public sealed class FieldLimitTests
{
    private static string Day(string fields) => $"date: 2026-11-25\nevents:\n  - id: a\n    kind: clip\n    source: a.mp4\n{fields}";

    [Fact]
    public void A_two_megabyte_title_is_refused_at_its_event_without_being_echoed()
    {
        string title = new('t', 2 * 1024 * 1024);

        var result = Import("day.yaml", Day($"    title: {title}\n"));

        var error = ErrorAt(result, 6, "title", $"{title.Length} characters, more than the {ScheduleLimits.TitleLength} allowed");
        Assert.Equal("a", error.Event);
        Assert.True(error.ToString().Length < 300, error.ToString());
    }

    // An id too long is reported at its event (the id that would name the event is the fault); the others where they are set.
    [Theory]
    [InlineData("id", ScheduleLimits.IdLength, 3, null)]
    [InlineData("title", ScheduleLimits.TitleLength, 6, "title")]
    [InlineData("source", ScheduleLimits.SourceLength, 5, "source")]
    public void Each_text_field_is_accepted_up_to_its_limit_and_refused_one_past(string field, int limit, int line, string? located)
    {
        string Yaml(int length) => $"date: 2026-11-25\nevents:\n  - id: {(field == "id" ? new string('i', length) : "a")}\n    kind: clip\n"
            + $"    source: {(field == "source" ? new string('s', length) : "a.mp4")}\n    title: {(field == "title" ? new string('t', length) : "A")}\n";

        Assert.True(Import("day.yaml", Yaml(limit)).Ok);
        var result = Import("day.yaml", Yaml(limit + 1));
        var error = Assert.Single(result.Errors);
        Assert.Equal((line, located), (error.Line, error.Field));
        Assert.Contains($"{limit + 1} characters, more than the {limit} allowed", error.Message);
        Assert.True(error.ToString().Length < 400, error.ToString());
    }

    [Fact]
    public void A_line_break_in_a_title_is_refused()
    {
        var result = Import("day.json", """{ "date": "2026-11-25", "events": [ { "id": "a", "kind": "clip", "source": "a.mp4", "title": "two\nlines" } ] }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("title", error.Field);
        Assert.StartsWith("holds a control character", error.Message);
    }

    [Fact]
    public void A_day_of_more_events_than_the_limit_is_refused_at_the_first_one_too_many()
    {
        var csv = new StringBuilder("date,id,source\n");
        for (int i = 0; i <= ScheduleLimits.EventsPerDay; i++)
            csv.Append($"2026-11-25,e{i},a.mp4\n");

        var result = Import("day.csv", csv.ToString());

        ErrorAt(result, ScheduleLimits.EventsPerDay + 2, null, $"more than the {ScheduleLimits.EventsPerDay} events a day may hold");
    }

    [Fact]
    public void A_block_of_more_children_than_the_limit_is_refused()
    {
        var children = Enumerable.Range(0, ScheduleLimits.ChildrenPerBlock + 1).Select(i => new PrimaryEvent($"c{i}", PrimaryKind.Clip, "a.mp4")).ToList();
        var block = new PrimaryEvent("block", PrimaryKind.Block, Children: children);

        var problems = ScheduleValidator.Validate(ChannelSchedule.Empty.With([new DaySchedule(new DateOnly(2026, 11, 25), [block])]), null);

        Assert.Equal($"2026-11-25, event block: children: {children.Count} events, more than the {ScheduleLimits.ChildrenPerBlock} a block may hold", Assert.Single(problems));
    }
}
