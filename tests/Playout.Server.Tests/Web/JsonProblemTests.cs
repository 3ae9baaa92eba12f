using System.Text.Json;
using Playout.Automation.Schedules;
using Playout.Server.Web;

namespace Playout.Server.Tests.Web;

/// <summary>A body that is not the JSON an endpoint takes is described in plain words: where, which field, what it takes.</summary>
public class JsonProblemTests
{
    [Theory]
    [InlineData("""{"id":"x","kind":"nope"}""", "line 1, position 24, field 'kind': expected one of clip, live, still, filler, block")]
    [InlineData("""{"id":5,"kind":"filler"}""", "line 1, position 8, field 'id': expected a string")]
    [InlineData("""{"id":"x","kind":"filler","duration":"soon"}""", "field 'duration': expected a duration or time of day (HH:MM:SS)")]
    [InlineData("""{"id":"x","kind":7}""", "field 'kind': expected one of clip, ")]
    [InlineData("""{"id":"x","kind":"filler","loop":"yes"}""", "field 'loop': expected true or false")]
    [InlineData("""{"id":"x","kind":"filler","children":{}}""", "field 'children': expected a list")]
    [InlineData("""{"id":"x","kind":"block","children":[{"id":"y","kind":"filler","start":true}]}""", "field 'children[0].start': expected a duration or time of day")]
    [InlineData("""{"id":"x","secondaries":[{"kind":"nope"}]}""", "field 'secondaries[0].kind': expected one of ")]
    [InlineData("""{"id":"x","kind":"filler","durashun":1}""", "field 'durashun': there is no field 'durashun'")]
    [InlineData("""{"id":"x",""", "line 1, position 10: Expected start of a property name or value, but instead reached end of data.")]
    public void A_json_error_names_the_place_and_what_the_field_takes_without_dotnet_names(string body, string expected)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<PrimaryEvent>(body, ScheduleEndpoints.EventBody));
        string described = JsonProblem.Describe<PrimaryEvent>(error, "the body is not an event");
        Assert.Contains(expected, described);
        Assert.DoesNotContain("System.", described);
        Assert.DoesNotContain("Playout.", described);
    }
}
