using Microsoft.Playwright;
using Playout.TestSupport;

namespace Playout.Panel.Tests;

/// <summary>A manual insert from the panel's form: a clip from the media folder is accepted (the schedule's version grows), a missing one refused with the reason.</summary>
[Collection(PanelCollection.Name)]
public class InsertTests(PanelFixture panel)
{
    [Fact]
    public async Task A_clip_inserted_with_the_form_is_accepted_as_an_edit_of_the_schedule()
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
        await Assertions.Expect(page.Locator("#toast")).ToContainTextAsync("Insert done");
        Assert.Equal(version + 1, (await panel.Service.Automation(1)).GetProperty("scheduleVersion").GetInt64());

        // A clip that is not there is refused with the service's reason, shown to the operator.
        await page.Keyboard.PressAsync("i");
        await form.Locator("input[name=source]").FillAsync("nothing.ts");
        await form.Locator("button[value=insert]").ClickAsync();
        await Assertions.Expect(page.Locator("#toast .toast-refused").First).ToContainTextAsync("nothing.ts");
        Assert.Equal(version + 1, (await panel.Service.Automation(1)).GetProperty("scheduleVersion").GetInt64());
        await page.Context.CloseAsync();
    }
}
