using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Playout.Panel.Tests;

/// <summary>The emergency cut from the panel: armed, done as the operator, shown on the channel, cleared back to automation.</summary>
[Collection(PanelCollection.Name)]
public class EmergencyTests(PanelFixture panel)
{
    [Fact]
    public async Task An_armed_emergency_cuts_to_the_filler_as_the_operator_and_ending_it_returns_to_automation()
    {
        var page = await panel.Browser.Open(panel.Service, PanelService.Operator, "#/channel/2");
        await page.Locator("[data-r=emergency-to]").SelectOptionAsync("filler");
        var emergency = page.Locator("button[data-action=emergency]");
        await emergency.ClickAsync();
        await Assertions.Expect(emergency).ToHaveClassAsync(new Regex("armed"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await panel.Service.Automation(2)).GetProperty("emergency").ValueKind);
        await emergency.ClickAsync();
        await Assertions.Expect(page.Locator("button[data-action=emergencyClear]")).ToHaveClassAsync(new Regex(@"\bon\b"));
        var status = (await panel.Service.Automation(2)).GetProperty("emergency");
        Assert.Equal(("filler", PanelService.OperatorName), (status.GetProperty("to").GetString(), status.GetProperty("who").GetString()));

        // Ending it is armed too, and by the keyboard here: Shift+E twice.
        await page.Keyboard.PressAsync("Shift+E");
        await Assertions.Expect(page.Locator("button[data-action=emergencyClear]")).ToHaveClassAsync(new Regex("armed"));
        await page.Keyboard.PressAsync("Shift+E");
        await Assertions.Expect(page.Locator("button[data-action=emergencyClear]")).Not.ToHaveClassAsync(new Regex(@"\bon\b"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await panel.Service.Automation(2)).GetProperty("emergency").ValueKind);

        // The insert form takes keys as text: typing in it runs no shortcut.
        await page.Keyboard.PressAsync("i");
        await Assertions.Expect(page.Locator("#insert")).ToBeVisibleAsync();
        await page.Keyboard.TypeAsync("hse");
        await Assertions.Expect(page.Locator("#insert input[name=source]")).ToHaveValueAsync("hse");
        Assert.NotEqual("held", (await panel.Service.Automation(2)).GetProperty("mode").GetString());
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#insert")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }
}
