using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Playout.Panel.Tests;

/// <summary>
/// The panel survives a service restart: killed, the page says "connection lost" loudly and greys its values (never
/// showing them as live); started again on the same port, it reconnects by itself and shows live values again.
/// </summary>
[Collection(PanelCollection.Name)]
public class ReconnectTests(PanelFixture panel)
{
    [Fact]
    public async Task A_killed_service_shows_connection_lost_and_the_page_recovers_when_it_is_back()
    {
        await using var service = new PanelService();
        await service.Start();
        var page = await panel.Browser.Open(service, PanelService.Operator, "#/channel/1");
        var banner = page.Locator("#conn");
        await Assertions.Expect(banner).ToBeHiddenAsync();

        service.Kill();
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(banner).ToHaveTextAsync(new Regex("CONNECTION LOST"));
        await Assertions.Expect(page.Locator("body")).ToHaveClassAsync(new Regex("stale"));
        // Greyed and struck through: the remaining time is not shown as live.
        Assert.Equal("line-through", await page.Locator("[data-r=remaining]").EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"));
        await Screenshots.Save(page, "panel-connection-lost");

        await service.Start();
        await Assertions.Expect(banner).ToBeHiddenAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("body")).Not.ToHaveClassAsync(new Regex("stale"));
        await Assertions.Expect(page.Locator("[data-r=onair-title]")).ToHaveTextAsync(new Regex("(Grey|Blue) hour"));
        await page.Context.CloseAsync();
    }
}
