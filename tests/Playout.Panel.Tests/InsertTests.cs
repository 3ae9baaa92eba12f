using Microsoft.Playwright;
using Playout.TestSupport;

namespace Playout.Panel.Tests;

/// <summary>
/// A manual insert from the panel's form: to follow an event of the day's looping block it is refused with the reason
/// shown (it would come after the whole block), to air now it is taken back (the block fills the day), and a missing clip
/// is refused with the reason; the schedule keeps its events.
/// </summary>
[Collection(PanelCollection.Name)]
public class InsertTests(PanelFixture panel)
{
    [Fact]
    public async Task An_insert_the_service_refuses_shows_its_reason_and_changes_nothing()
    {
        Ffmpeg.Run("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=2", "-c:v", "mpeg2video", panel.Service.MediaFile("promo.ts"));
        var page = await panel.Browser.Open(panel.Service, PanelService.Operator, "#/channel/1");
        long version = (await panel.Service.Automation(1)).GetProperty("scheduleVersion").GetInt64();
        await page.Keyboard.PressAsync("i");
        var form = page.Locator("#insert");
        await Assertions.Expect(form).ToBeVisibleAsync();
        await form.Locator("input[name=source]").FillAsync("promo.ts");
        await form.Locator("input[name=duration]").FillAsync("00:00:02:00");
        await form.Locator("select[name=when]").SelectOptionAsync("next");
        await form.Locator("button[value=insert]").ClickAsync();
        await Assertions.Expect(page.Locator("#toast .toast-refused").First).ToContainTextAsync("is part of block");
        Assert.Equal(version, (await panel.Service.Automation(1)).GetProperty("scheduleVersion").GetInt64());

        // Now: the day is one looping block to its end, which leaves no time to take an insert from; it is taken back.
        await page.Keyboard.PressAsync("i");
        await form.Locator("select[name=when]").SelectOptionAsync("now");
        await form.Locator("button[value=insert]").ClickAsync();
        await Assertions.Expect(page.Locator("#toast .toast-refused").Last).ToContainTextAsync("so it was taken back");
        Assert.Equal(version, (await panel.Service.Automation(1)).GetProperty("scheduleVersion").GetInt64() - 2);

        // A clip that is not there is refused with the service's reason, shown to the operator.
        await page.Keyboard.PressAsync("i");
        await form.Locator("input[name=source]").FillAsync("nothing.ts");
        await form.Locator("button[value=insert]").ClickAsync();
        await Assertions.Expect(page.Locator("#toast .toast-refused").Last).ToContainTextAsync("nothing.ts");
        Assert.Equal(version + 2, (await panel.Service.Automation(1)).GetProperty("scheduleVersion").GetInt64());
        await page.Context.CloseAsync();
    }
}
