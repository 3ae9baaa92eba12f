using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Playout.Panel.Tests;

/// <summary>The configuration's panel section reaches the page: remapped keys act and are listed, the default language is the station's.</summary>
[Collection(PanelCollection.Name)]
public class RemappedKeysTests(PanelFixture panel)
{
    [Fact]
    public async Task A_remapped_key_acts_and_the_help_lists_it_and_the_page_opens_in_the_configured_language()
    {
        await using var service = new PanelService("""
            "panel": { "defaultLanguage": "id", "shortcuts": { "hold": "F7", "help": "F1" } },
            """);
        await service.Start();
        var page = await panel.Browser.Open(service, PanelService.Operator, "#/channel/1");
        await Assertions.Expect(page.Locator(".tabs a[data-tab=rundown]")).ToHaveTextAsync("Susunan acara");
        await page.Keyboard.PressAsync("h"); // no longer hold's key
        await Task.Delay(300);
        Assert.NotEqual("held", (await service.Automation(1)).GetProperty("mode").GetString());
        await page.Keyboard.PressAsync("F7");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((await service.Automation(1)).GetProperty("mode").GetString() != "held")
        {
            Assert.True(DateTime.UtcNow < deadline, "F7 did not hold");
            await Task.Delay(50);
        }
        await page.Keyboard.PressAsync("F1");
        await Assertions.Expect(page.Locator("#help tr", new() { HasTextRegex = new Regex("F7.*Tahan acara yang tayang") })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("button[data-action=hold] kbd")).ToHaveTextAsync("F7");
        await page.Context.CloseAsync();
    }
}
