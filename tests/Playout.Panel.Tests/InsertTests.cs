using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Playout.TestSupport;

namespace Playout.Panel.Tests;

/// <summary>
/// A manual insert from the panel's form while the day's looping block is on air: a break-in that the panel shows on air
/// (title, who) for the clip's length, after which the block is back; the as-run view lists it with its start and
/// length; a second insert meanwhile and a missing clip are refused with the reason shown; the schedule is not edited.
/// </summary>
[Collection(PanelCollection.Name)]
public class InsertTests(PanelFixture panel)
{
    [Fact]
    public async Task An_insert_inside_the_looping_block_goes_to_air_for_its_length_and_refusals_show_their_reason()
    {
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=4", "-c:v", "mpeg2video", panel.Service.MediaFile("promo.ts"));
        var page = await panel.Browser.Open(panel.Service, PanelService.Operator, "#/channel/1");
        long version = (await panel.Service.Automation(1)).GetProperty("scheduleVersion").GetInt64();
        var form = page.Locator("#insert");
        async Task Insert(string source, string when)
        {
            await page.Keyboard.PressAsync("i");
            await Assertions.Expect(form).ToBeVisibleAsync();
            await form.Locator("input[name=source]").FillAsync(source);
            await form.Locator("input[name=duration]").FillAsync("00:00:03:00");
            await form.Locator("select[name=when]").SelectOptionAsync(when);
            await form.Locator("button[value=insert]").ClickAsync();
        }

        await Insert("promo.ts", "now");
        // (The badge says ALARM throughout: the fixture's colour fillers are silent and still, which the probes alarm.)
        var title = page.Locator("[data-r=onair-title]");
        await Assertions.Expect(title).ToHaveTextAsync("insert: promo.ts");
        await Assertions.Expect(page.Locator("[data-r=onair-meta]")).ToContainTextAsync($"insert over loop, by {PanelService.OperatorName}");
        // The block runs on underneath: it is what comes after the insert (3 s at 50 frames a second).
        await Assertions.Expect(page.Locator("[data-r=countdown]")).ToHaveTextAsync("after the insert");
        var insert = (await panel.Service.Automation(1)).GetProperty("insert");
        Assert.Equal(150, insert.GetProperty("until").GetInt64() - insert.GetProperty("from").GetInt64());

        await Insert("promo.ts", "next");
        await Assertions.Expect(page.Locator("#toast .toast-refused", new() { HasText = "is in force until" })).ToHaveCountAsync(1);

        // Three seconds later the block is on air again, and the schedule was never edited.
        await Assertions.Expect(title).ToHaveTextAsync(new Regex("Grey hour|Blue hour"), new() { Timeout = 10_000 });
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await panel.Service.Automation(1)).GetProperty("insert").ValueKind);
        Assert.Equal(version, (await panel.Service.Automation(1)).GetProperty("scheduleVersion").GetInt64());
        await page.Locator("[data-tab=asRun]").ClickAsync();
        // Its own row: the item it broke into may carry a note naming it too.
        var row = page.Locator(".asrun tr", new() { HasText = "insert promo.ts" }).Filter(new() { HasTextRegex = new Regex(@"00:00:03:00.*over block loop") });
        await Assertions.Expect(row).ToHaveCountAsync(1);

        // A clip that is not there is refused with the service's reason, shown to the operator.
        await Insert("nothing.ts", "now");
        await Assertions.Expect(page.Locator("#toast .toast-refused", new() { HasText = "clip 'nothing.ts' is not in the media folder" })).ToHaveCountAsync(1);
        Assert.Equal(version, (await panel.Service.Automation(1)).GetProperty("scheduleVersion").GetInt64());
        await page.Context.CloseAsync();
    }
}
