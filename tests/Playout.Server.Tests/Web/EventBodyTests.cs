using System.Net;
using System.Text;
using System.Text.Json;

namespace Playout.Server.Tests.Web;

/// <summary>An event body is read as the same event in a schedule file: its duration syntax, and an unknown field refused by name.</summary>
[Collection(OpenServiceCollection.Name)]
public class EventBodyTests(OpenService open)
{
    [Fact]
    public async Task A_duration_of_30_is_30_seconds_as_in_a_schedule_file()
    {
        using var engineer = open.Service.Client(open.LocalToken);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5);
        using var added = await engineer.PostAsync($"/api/channels/1/schedule/{day:yyyy-MM-dd}/events",
            Body("""{ "id": "thirty", "kind": "filler", "source": "#808080", "duration": "30" }"""));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);

        using var events = JsonDocument.Parse(await engineer.GetStringAsync($"/api/channels/1/schedule/{day:yyyy-MM-dd}"));
        var thirty = events.RootElement.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "thirty");
        Assert.Equal("00:00:30", thirty.GetProperty("duration").GetString());
        // A day is read in the same schema, so an event read back can be sent again as it is.
        using var replaced = await engineer.PutAsync($"/api/channels/1/schedule/{day:yyyy-MM-dd}/events/thirty", Body(thirty.GetRawText()));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
    }

    [Fact]
    public async Task An_unknown_field_is_refused_naming_it_and_nothing_changes()
    {
        using var engineer = open.Service.Client(open.LocalToken);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(6);
        string events = $"/api/channels/1/schedule/{day:yyyy-MM-dd}/events";
        long before = await Version(engineer);
        foreach (var send in (Func<Task<HttpResponseMessage>>[])[
            () => engineer.PostAsync(events, Body("""{ "id": "typo", "kind": "filler", "sorce": "#808080", "duration": "00:00:10" }""")),
            () => engineer.PutAsync($"{events}/typo", Body("""{ "id": "typo", "kind": "filler", "sorce": "#808080", "duration": "00:00:10" }"""))])
        {
            using var refused = await send();
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.StartsWith("event body, line 1, column 35, event \"typo\", field sorce: unknown key", problem.RootElement.GetProperty("detail").GetString());
        }
        Assert.Equal(before, await Version(engineer));
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<long> Version(HttpClient client)
    {
        using var schedule = JsonDocument.Parse(await client.GetStringAsync("/api/channels/1/schedule"));
        return schedule.RootElement.GetProperty("version").GetInt64();
    }
}
