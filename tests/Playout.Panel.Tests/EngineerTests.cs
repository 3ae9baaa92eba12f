using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Playout.Panel.Tests;

/// <summary>
/// What only an engineer does from the panel: run a C# schedule script (its result applied as an edit, its log shown)
/// and delete the selected event from the schedule (armed first; refused with the reason for the event on air).
/// </summary>
[Collection(PanelCollection.Name)]
public class EngineerTests(PanelFixture panel)
{
    [Fact]
    public async Task An_engineer_runs_a_script_that_writes_tomorrow_and_a_delete_of_the_event_on_air_is_refused_with_the_reason()
    {
        var page = await panel.Browser.Open(panel.Service, PanelService.Engineer, "#/channel/2");
        long version = (await panel.Service.Automation(2)).GetProperty("scheduleVersion").GetInt64();
        const string script = """
            Day(Tomorrow).Add(Filler("promo", "#808080", "00:10:00"));
            Log("tomorrow: the template and a promo");
            """;
        await page.Locator("[data-r=script-file]").SetInputFilesAsync(new FilePayload
            { Name = "tomorrow.csx", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(script) });
        var done = Toast(page, "done", "tomorrow.csx ran");
        await Assertions.Expect(done).ToContainTextAsync($"tomorrow.csx ran: schedule version {version + 1}", new() { Timeout = 30_000 });
        await Assertions.Expect(done).ToContainTextAsync("tomorrow: the template and a promo");
        using (var client = panel.Service.Client(PanelService.Viewer))
        {
            var days = (await client.GetFromJsonAsync<JsonElement>("/api/channels/2/schedule")).GetProperty("days");
            string tomorrow = Assert.Single(days.EnumerateArray()).GetString()!;
            var events = (await client.GetFromJsonAsync<JsonElement>($"/api/channels/2/schedule/{tomorrow}")).GetProperty("events");
            Assert.Equal(["loop", "promo"], events.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        }

        // A script that does not compile is refused with the compiler's line, and nothing changes.
        await page.Locator("[data-r=script-file]").SetInputFilesAsync(new FilePayload
            { Name = "broken.csx", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("Day(Tomorrow).Nope();") });
        await Assertions.Expect(Toast(page, "refused", "broken.csx")).ToContainTextAsync("1:15: CS1061: 'DayBuilder' does not contain a definition for 'Nope'",
            new() { Timeout = 30_000 });

        // The selected row is the looping block's event on air: deleting its block is armed, then refused with the reason.
        await Assertions.Expect(page.Locator(".rundown tr.item.selected")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Delete");
        await Assertions.Expect(page.Locator("button[data-action=deleteEvent]")).ToHaveClassAsync(new Regex("armed"));
        await page.Keyboard.PressAsync("Delete");
        await Assertions.Expect(Toast(page, "refused", "Delete event: event ")).ToContainTextAsync("is on air since");
        Assert.Equal(version + 1, (await panel.Service.Automation(2)).GetProperty("scheduleVersion").GetInt64());
        await page.Context.CloseAsync();
    }

    /// <summary>The toast of that kind (done, refused) whose text has <paramref name="text"/> (toasts stack up, newest first).</summary>
    private static ILocator Toast(IPage page, string kind, string text) => page.Locator($"#toast .toast-{kind}", new() { HasText = text });
}
