using Playout.Automation.Schedules;
using static Playout.Automation.Tests.Imports.ImportTestSupport;

namespace Playout.Automation.Tests.Imports;

public class BxfImportTests
{
    [Fact]
    public void The_sample_message_loads_its_primary_events_and_the_splice_after_the_break()
    {
        var result = Sample("day.bxf");

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
        var day = Assert.Single(result.Days);
        Assert.Equal(new DateOnly(2026, 11, 25), day.Date);
        Assert.Equal(["morning-news", "break-1", "film", "evening-live"], day.Events.Select(e => e.Id));
        var news = Event(result, "morning-news");
        Assert.Equal((PrimaryKind.Clip, TimingMode.Fixed, TimeSpan.FromHours(6), TimeSpan.FromMinutes(30), "media/news-0600.mxf", "Morning news"),
            (news.Kind, news.Timing, news.Start, news.Duration, news.Source, news.Title));
        var promo = Event(result, "break-1");
        Assert.Equal((TimingMode.Follow, "media/promo-a.mxf"), (promo.Timing, promo.Source));
        var splice = Assert.Single(promo.SecondaryEvents);
        Assert.Equal((SecondaryKind.Scte35, EventAnchor.Start, TimeSpan.Zero), (splice.Kind, splice.Anchor, splice.Offset));
        Assert.Equal(new Scte35Cue(1001, OutOfNetwork: true, BreakDuration: TimeSpan.FromSeconds(30)), splice.Scte35);
        Assert.Equal(TimeSpan.FromMinutes(90), Event(result, "film").Duration);
        Assert.Equal((PrimaryKind.Live, "srt://studio.example:9000"), (Event(result, "evening-live").Kind, Event(result, "evening-live").Source));
    }

    private static string Message(string events) => $"""
        <?xml version="1.0"?>
        <BxfMessage xmlns="http://smpte-ra.org/schemas/2021/2008/BXF">
          <BxfData>
            <Schedule>
        {events}
            </Schedule>
          </BxfData>
        </BxfMessage>
        """;

    private static string Primary(string id, string? start, string duration, string? house = "H1") => $"""
              <ScheduledEvent>
                <EventData eventType="Primary">
                  <EventId><EventId>{id}</EventId></EventId>
                  {(start is null ? "" : $"<StartDateTime><SmpteDateTime broadcastDate=\"2026-11-25\"><SmpteTimeCode>{start}</SmpteTimeCode></SmpteDateTime></StartDateTime>")}
                  <LengthOption><Duration><SmpteDuration><SmpteTimeCode>{duration}</SmpteTimeCode></SmpteDuration></Duration></LengthOption>
                </EventData>
                {(house is null ? "" : $"<Content><ContentId><HouseNumber>{house}</HouseNumber></ContentId></Content>")}
              </ScheduledEvent>
        """;

    [Fact]
    public void Errors_name_the_element_path_and_line()
    {
        var result = Import("day.xml", Message(string.Join("\n",
            Primary("a", "06:00:00:00", "00:00:10:00"),
            Primary("b", null, "00:00:1x:00"),
            Primary("c", null, "00:00:10:00", house: null),
            Primary("a", null, "00:00:10:00"))));

        var duration = ErrorAt(result, 17, "SmpteTimeCode", "\"00:00:1x:00\" is not a duration");
        Assert.Equal("b", duration.Event);
        Assert.Equal("BxfMessage/BxfData/Schedule/ScheduledEvent[2]/EventData/LengthOption/Duration/SmpteDuration/SmpteTimeCode", duration.Element);
        Assert.Equal("BxfMessage/BxfData/Schedule/ScheduledEvent[3]", ErrorAt(result, 21, null, "event c: source: a clip event needs one").Element);
        ErrorAt(result, 29, "id", "id used twice in 2026-11-25");
        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void A_first_event_without_a_date_is_an_error()
    {
        var result = Import("day.xml", Message(Primary("a", null, "00:00:10:00")));

        ErrorAt(result, 6, "StartDateTime", "no broadcast date");
    }

    [Fact]
    public void A_non_primary_event_without_a_splice_is_skipped_with_a_warning()
    {
        var result = Import("day.xml", Message(Primary("a", "06:00:00:00", "00:00:10:00") + """
                  <ScheduledEvent>
                    <EventData eventType="NonPrimary">
                      <NonPrimaryEvent><NonPrimaryEventName>Logo</NonPrimaryEventName></NonPrimaryEvent>
                    </EventData>
                  </ScheduledEvent>
            """));

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Contains("non-primary event \"Logo\" carries no splice", Assert.Single(result.Warnings).Message);
        Assert.Empty(Event(result, "a").SecondaryEvents);
    }

    [Fact]
    public void Malformed_xml_and_another_root_are_errors_with_their_line()
    {
        var broken = Import("day.bxf", "<BxfMessage>\n  <BxfData>\n    <Schedule>\n  </BxfData>\n</BxfMessage>");
        Assert.Equal(4, Assert.Single(broken.Errors).Line);
        Assert.Contains("not well-formed XML", broken.Errors[0].Message);

        Assert.Contains("not BxfMessage", Assert.Single(Import("day.xml", "<tv/>").Errors).Message);
    }
}
