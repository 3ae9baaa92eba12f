using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Playout.TestSupport;

namespace Playout.Panel.Tests;

/// <summary>
/// Intended silence from the panel: a channel with a silence failover has its hold (for a chosen time) and the hold's end,
/// both armed, done as the operator and shown on the channel; a channel without one shows neither.
/// </summary>
[Collection(PanelCollection.Name)]
public class FallbackHoldTests(PanelFixture panel)
{
    [Fact]
    public async Task An_operator_holds_the_silence_failover_for_the_minutes_chosen_and_ends_the_hold()
    {
        await using var service = new PanelService(newsAutomation: """, "fallback": "fallback" """);
        Directory.CreateDirectory(service.MediaFile("fallback"));
        Ffmpeg.Run("-f", "lavfi", "-i", "sine=frequency=880:duration=20", service.MediaFile("fallback/bed.wav"));
        await service.Start();

        var other = await panel.Browser.Open(service, PanelService.Operator, "#/channel/2");
        await Assertions.Expect(other.Locator("button[data-action=hold]")).ToBeVisibleAsync();
        Assert.Equal(0, await other.Locator("button[data-action=fallbackHold]").CountAsync());
        await other.Context.CloseAsync();

        var page = await panel.Browser.Open(service, PanelService.Operator, "#/channel/1");
        await page.Locator("[data-r=fallback-minutes]").SelectOptionAsync("120");
        var hold = page.Locator("button[data-action=fallbackHold]");
        await hold.ClickAsync();
        await Assertions.Expect(hold).ToHaveClassAsync(new Regex("armed"));
        Assert.Equal(JsonValueKind.Null, (await service.Automation(1)).GetProperty("fallbackHeldUntil").ValueKind);
        await hold.ClickAsync();
        await Assertions.Expect(hold).ToHaveClassAsync(new Regex(@"\bon\b"));
        string until = (await service.Automation(1)).GetProperty("fallbackHeldUntil").GetString()!;
        await Assertions.Expect(page.Locator("[data-r=fallback-held]")).ToHaveTextAsync($"silence failover held until {until}");
        // Two hours from now, on the station's clock (the time code of the day, HH:MM:SS:FF).
        var now = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta")));
        var held = TimeOnly.ParseExact(until[..8], "HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange((held - now).TotalMinutes, 119, 121);
        using (var client = service.Client(PanelService.Viewer))
            Assert.Contains($"held by {PanelService.OperatorName}", await client.GetStringAsync("/api/alarms"), StringComparison.Ordinal);

        // Ending it is armed too, and by the keyboard here: Shift+F twice.
        var release = page.Locator("button[data-action=fallbackRelease]");
        await Assertions.Expect(release.Locator("kbd")).ToHaveTextAsync("Shift+F");
        await page.Keyboard.PressAsync("Shift+F");
        await Assertions.Expect(release).ToHaveClassAsync(new Regex("armed"));
        await page.Keyboard.PressAsync("Shift+F");
        await Assertions.Expect(hold).Not.ToHaveClassAsync(new Regex(@"\bon\b"));
        Assert.Equal(JsonValueKind.Null, (await service.Automation(1)).GetProperty("fallbackHeldUntil").ValueKind);
        await Assertions.Expect(page.Locator("[data-r=fallback-held]")).ToBeEmptyAsync();
        await page.Context.CloseAsync();
    }
}
