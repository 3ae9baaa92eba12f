using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Playout.Panel.Tests;

/// <summary>The overview: a tile per channel with its state, on-air title and remaining time; a click opens the channel.</summary>
[Collection(PanelCollection.Name)]
public class OverviewTests(PanelFixture panel)
{
    [Fact]
    public async Task Each_channel_has_a_tile_with_what_is_on_air_and_a_click_opens_it()
    {
        var page = await panel.Browser.Open(panel.Service, PanelService.Viewer);
        var tiles = page.Locator(".tile");
        await Assertions.Expect(tiles).ToHaveCountAsync(2);
        await Assertions.Expect(tiles.Nth(0).Locator(".name")).ToHaveTextAsync("news");
        await Assertions.Expect(tiles.Nth(1).Locator(".name")).ToHaveTextAsync("sport");
        foreach (int channel in (int[])[1, 2])
        {
            string title = (await panel.Service.Automation(channel)).GetProperty("onAir").GetProperty("title").GetString()!;
            var tile = tiles.Nth(channel - 1);
            await Assertions.Expect(tile.Locator("[data-r=title]")).ToHaveTextAsync(new Regex("(Grey|Blue) hour"));
            await Assertions.Expect(tile.Locator("[data-r=remaining]")).ToHaveTextAsync(new Regex(@"^00:00:[0-2]\d[:;]\d\d$"));
            Assert.Contains(await tile.GetAttributeAsync("data-state"), (string[])["onair", "alarm"]);
            Assert.Matches("(Grey|Blue) hour", title);
        }
        // Drop-frame timecode on the 59.94 channel.
        await Assertions.Expect(tiles.Nth(1).Locator("[data-r=remaining]")).ToHaveTextAsync(new Regex(";"));
        await Assertions.Expect(tiles.Nth(0).Locator("img.preview")).ToHaveAttributeAsync("src", new Regex("^blob:"));
        await Screenshots.Save(page, "panel-overview");

        await tiles.Nth(1).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#/channel/2$"));
        await Assertions.Expect(page.Locator("[data-r=onair-title]")).ToHaveTextAsync(new Regex("(Grey|Blue) hour"));
        await page.Context.CloseAsync();
    }
}
