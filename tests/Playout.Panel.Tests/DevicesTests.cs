using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Playout.Devices.Transmitter;
using Playout.HwSim.Transmitter;
using Playout.TestSupport;

namespace Playout.Panel.Tests;

/// <summary>
/// The devices tab against two transmitter twins in a pair: readings and settings shown, a command sent with the
/// arguments the device declares (a refused one says why), a changeover armed then done; a viewer gets no controls, and the
/// plain status page lists the pair and the devices.
/// </summary>
[Collection(PanelCollection.Name)]
public class DevicesTests(PanelFixture panel)
{
    [Fact]
    public async Task An_operator_sets_a_transmitters_power_and_changes_the_pair_over_and_a_viewer_only_sees()
    {
        string profile = Repository.File("configs/devices/transmitter-generic.json");
        var options = new TransmitterTwinOptions { RampTime = TimeSpan.Zero };
        await using var main = new TransmitterTwin(TransmitterProfiles.Load(profile), options);
        await using var reserve = new TransmitterTwin(TransmitterProfiles.Load(profile), options);
        main.State.RfOn = true;
        string Transmitter(string name, TransmitterTwin twin) => $$"""
            { "name": "{{name}}", "driver": "snmp-transmitter", "settings": { "address": "{{twin.Address}}", "writeCommunity": "private", "profile": "{{profile}}", "pollMs": "200" } }
            """;
        await using var service = new PanelService($$"""
            "devices": [ {{Transmitter("tx-main", main)}}, {{Transmitter("tx-reserve", reserve)}} ],
            "transmitterPairs": [ { "name": "site", "main": "tx-main", "reserve": "tx-reserve" } ],
            """);
        await service.Start();

        var page = await panel.Browser.Open(service, PanelService.Operator, "#/channel/1/devices");
        var row = page.Locator("tr[data-device-row=tx-main]");
        await Assertions.Expect(row.Locator("[data-reading=forwardPower]")).ToHaveTextAsync("forwardPower 1000 W", new() { Timeout = 15_000 });
        await Assertions.Expect(row.Locator("[data-setting=rf]")).ToHaveTextAsync("rf on");

        // The power command's argument comes from the device's spec (0 to 110 %): 80 is sent and the twin takes it.
        await row.Locator("select[name=command]").SelectOptionAsync("power");
        await row.Locator("input[name=percent]").FillAsync("80");
        await row.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(Toast(page, "done", "tx-main: power")).ToBeVisibleAsync();
        Assert.Equal(80, main.State.PowerPercent);
        await Assertions.Expect(row.Locator("[data-reading=forwardPower]")).ToHaveTextAsync("forwardPower 800 W", new() { Timeout = 10_000 });

        // Out of the device's range: the service refuses it, naming the range, and the twin is not touched.
        await row.Locator("input[name=percent]").EvaluateAsync("input => { input.removeAttribute('max'); input.value = '500'; }");
        await row.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(Toast(page, "refused", "tx-main: power")).ToContainTextAsync("percent: 500 is out of range (0 to 110 %)");
        Assert.Equal(80, main.State.PowerPercent);

        // A changeover is armed by the first press and done by the second.
        var pair = page.Locator("tr[data-pair=site]");
        var toReserve = pair.Locator("button[data-to=reserve]");
        await toReserve.ClickAsync();
        await Assertions.Expect(toReserve).ToHaveClassAsync(new Regex("armed"));
        Assert.False(reserve.State.RfOn);
        await toReserve.ClickAsync();
        await Assertions.Expect(Toast(page, "done", "site")).ToBeVisibleAsync();
        Assert.True(reserve.State.RfOn);
        Assert.False(main.State.RfOn);
        await Assertions.Expect(pair).ToContainTextAsync("manual · " + PanelService.OperatorName, new() { Timeout = 10_000 });
        using (var client = service.Client(PanelService.Viewer))
        {
            var pairs = await client.GetFromJsonAsync<JsonElement>("/api/transmitter-pairs");
            Assert.Equal(("onReserve", PanelService.OperatorName), (pairs[0].GetProperty("state").GetString(), pairs[0].GetProperty("lastChangeover").GetProperty("who").GetString()));
        }
        await page.Context.CloseAsync();

        // A viewer sees the same tab without a command form or a changeover button.
        var wall = await panel.Browser.Open(service, PanelService.Viewer, "#/channel/1/devices");
        await Assertions.Expect(wall.Locator("tr[data-pair=site]")).ToContainTextAsync("reserve");
        await Assertions.Expect(wall.Locator("tr[data-device-row=tx-main] [data-reading=forwardPower]")).ToBeVisibleAsync();
        Assert.Equal(0, await wall.Locator("form.device-command, [data-changeover]").CountAsync());

        // The plain status page lists the pair and the devices too.
        await wall.EvaluateAsync($"() => sessionStorage.setItem('token', '{PanelService.Viewer}')");
        await wall.GotoAsync(service.Url + "status.html");
        await Assertions.Expect(wall.Locator("table", new() { HasText = "last changeover" })).ToContainTextAsync("manual (" + PanelService.OperatorName + ")");
        await Assertions.Expect(wall.Locator("table", new() { HasText = "readings" }).Locator("tr", new() { HasText = "tx-main" })).ToContainTextAsync("connected");
        await wall.Context.CloseAsync();
    }

    /// <summary>
    /// The tab reloads every 2 s; one that was loading as the operator began typing a command's argument leaves the form
    /// alone: the field keeps its focus, so the keys after the reload land in it too.
    /// </summary>
    [Fact]
    public async Task Typing_while_the_tab_reloads_loses_no_key()
    {
        string profile = Repository.File("configs/devices/transmitter-generic.json");
        await using var main = new TransmitterTwin(TransmitterProfiles.Load(profile), new TransmitterTwinOptions { RampTime = TimeSpan.Zero });
        await using var service = new PanelService($$"""
            "devices": [ { "name": "tx-main", "driver": "snmp-transmitter", "settings": { "address": "{{main.Address}}", "writeCommunity": "private", "profile": "{{profile}}", "pollMs": "200" } } ],
            """);
        await service.Start();
        var page = await panel.Browser.Open(service, PanelService.Operator, "#/channel/1/devices");
        var row = page.Locator("tr[data-device-row=tx-main]");
        await Assertions.Expect(row.Locator("[data-setting=rf]")).ToBeVisibleAsync();

        // The next reload of the device list is held until the operator has typed the first key.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(url => new Uri(url).AbsolutePath == "/api/devices", async route =>
        {
            held.TrySetResult();
            await release.Task;
            await route.ContinueAsync();
        });
        await held.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await row.Locator("select[name=command]").SelectOptionAsync("power");
        var percent = row.Locator("input[name=percent]");
        await percent.ClickAsync();
        await page.Keyboard.TypeAsync("7");
        // The held reload comes back (the device's status and the pairs are asked for after the list) and is done with
        // before the second key.
        await page.RunAndWaitForResponseAsync(() =>
        {
            release.SetResult();
            return Task.CompletedTask;
        }, response => response.Url.EndsWith("/api/devices/tx-main", StringComparison.Ordinal));
        await Task.Delay(500);
        await page.Keyboard.TypeAsync("5");
        await Assertions.Expect(percent).ToHaveValueAsync("75");
        await row.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(Toast(page, "done", "tx-main: power")).ToBeVisibleAsync();
        Assert.Equal(75, main.State.PowerPercent);
        await page.Context.CloseAsync();
    }

    private static ILocator Toast(IPage page, string kind, string text) => page.Locator($"#toast .toast-{kind}", new() { HasText = text });
}
