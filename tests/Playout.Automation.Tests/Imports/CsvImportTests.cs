using Playout.Automation.Schedules;
using static Playout.Automation.Tests.Imports.ImportTestSupport;

namespace Playout.Automation.Tests.Imports;

public class CsvImportTests
{
    [Fact]
    public void The_sample_traffic_log_loads_with_aliased_columns()
    {
        var result = Sample("day.csv");

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Equal(["morning-news", "break-1", "film", "evening-live"], result.Days.Single().Events.Select(e => e.Id));
        var news = Event(result, "morning-news");
        Assert.Equal((PrimaryKind.Clip, TimingMode.Fixed, TimeSpan.FromHours(6), TimeSpan.FromMinutes(30), "media/news-0600.mxf", "Morning news"),
            (news.Kind, news.Timing, news.Start, news.Duration, news.Source, news.Title));
        Assert.Equal((TimingMode.Follow, (TimeSpan?)null), (Event(result, "break-1").Timing, Event(result, "break-1").Start));
        Assert.Equal((TimeSpan.FromSeconds(10), new TimeSpan(1, 30, 10)), (Event(result, "film").In!.Value, Event(result, "film").Out!.Value));
        Assert.Equal((PrimaryKind.Live, TimeSpan.FromHours(18)), (Event(result, "evening-live").Kind, Event(result, "evening-live").Start));
    }

    [Fact]
    public void Rows_of_two_dates_make_two_days_and_quoted_cells_keep_commas()
    {
        var result = Import("log.csv", "air_date;ID;Name;File\n2026-11-25;a;\"News; late\";a.mxf\n20261126;b;\"Say \"\"hi\"\"\";b.mxf\n");

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Equal([new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 26)], result.Days.Select(d => d.Date));
        Assert.Equal(["News; late", "Say \"hi\""], result.Days.Select(d => d.Events.Single().Title!));
    }

    [Fact]
    public void An_unknown_column_and_a_missing_id_column_are_reported_on_the_header_line()
    {
        var result = Import("log.csv", "Date,Title,Colour\n2026-11-25,x,red\n");

        Assert.Equal(3, ErrorAt(result, 1, "Colour", "unknown column").Column);
        ErrorAt(result, 1, "id", "the header has no such column");
        Assert.Equal(2, result.Errors.Count);
    }

    [Fact]
    public void Row_errors_name_the_line_and_the_column_as_the_header_writes_it()
    {
        var result = Import("log.csv", """
            Date,Time,Event ID,House Number,Length,Type,Timing
            2026-11-25,06:00:00,a,a.mxf,1:00:xx,clip,
            2026-11-25,,b,b.mxf,00:00:10,movie,
            2026-11-25,,c,,00:00:10,clip,
            2026-11-25,,d,d.mxf,00:00:10,clip,fixed
            2026-11-32,,e,e.mxf,00:00:10,clip,
            2026-11-25,,a,f.mxf,00:00:10,clip,
            """);

        Assert.Equal("log.csv, line 2, column 5, event \"a\", field Length: \"1:00:xx\" is not a duration "
            + "(expected HH:MM:SS, HH:MM:SS.fff, timecode HH:MM:SS:FF or seconds)", ErrorAt(result, 2, "Length", "not a duration").ToString());
        ErrorAt(result, 3, "Type", "\"movie\" is not one of clip, live");
        ErrorAt(result, 4, null, "event c: source: a clip event needs one");
        ErrorAt(result, 5, null, "event d: start: a fixed event needs a start time");
        ErrorAt(result, 6, "Date", "\"2026-11-32\" is not a date");
        ErrorAt(result, 7, "id", "id used twice in 2026-11-25 (first on line 2)");
        Assert.Equal(6, result.Errors.Count);
    }

    [Fact]
    public void A_quote_left_open_and_an_empty_file_are_errors()
    {
        Assert.Equal(2, Assert.Single(Import("log.csv", "Date,ID\n2026-11-25,\"a\n").Errors).Line);
        Assert.Contains("the file is empty", Assert.Single(Import("log.csv", "\n\n").Errors).Message);
    }
}
