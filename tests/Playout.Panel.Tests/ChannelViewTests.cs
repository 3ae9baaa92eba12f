using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Playout.Server.Hosting;

namespace Playout.Panel.Tests;

/// <summary>The channel view: counters on the server's frame clock, an armed take that reaches air and the as-run log, shortcuts.</summary>
[Collection(PanelCollection.Name)]
public class ChannelViewTests(PanelFixture panel)
{
    /// <summary>What the page shows of the item on air: the tick it counts from and its elapsed and remaining frames.</summary>
    private static async Task<(string Title, long Tick, long Elapsed, long Remaining)> Counters(IPage page)
    {
        var shown = await page.EvaluateAsync<JsonElement>("""
            () => { const e = document.querySelector('[data-r=elapsed]'), r = document.querySelector('[data-r=remaining]');
                    return { title: document.querySelector('[data-r=onair-title]').textContent, tick: +e.dataset.tick, elapsed: +e.dataset.frames, remaining: +r.dataset.frames }; }
            """);
        return (shown.GetProperty("title").GetString()!, shown.GetProperty("tick").GetInt64(), shown.GetProperty("elapsed").GetInt64(),
            shown.GetProperty("remaining").GetInt64());
    }

    /// <summary>Frames in a 50 fps timecode.</summary>
    private static long Frames50(string timecode) =>
        timecode.Split(':').Select(long.Parse).ToArray() is [var h, var m, var s, var f] ? ((h * 60 + m) * 60 + s) * 50 + f : throw new FormatException(timecode);

    [Fact]
    public async Task The_counters_step_with_the_servers_ticks_and_match_its_plan_to_the_frame()
    {
        var page = await panel.Browser.Open(panel.Service, PanelService.Viewer, "#/channel/1");
        await Assertions.Expect(page.Locator("[data-r=elapsed]")).ToHaveTextAsync(new Regex(@"^00:00:\d\d:\d\d$"));
        for (int attempt = 0; ; attempt++)
        {
            var server = await panel.Service.Automation(1);
            var first = await Counters(page);
            await Task.Delay(600);
            var second = await Counters(page);
            string title = server.GetProperty("onAir").GetProperty("title").GetString()!;
            if ((first.Title != second.Title || first.Title != title) && attempt < 3)
                continue; // the item changed between the readings
            Assert.Equal(first.Title, second.Title);
            // The item's length as the server plans it (elapsed + remaining: the length, or less for an item joined late),
            // frame for frame the same on the page at whatever tick it shows.
            long length = Frames50(server.GetProperty("onAir").GetProperty("elapsed").GetString()!) + Frames50(server.GetProperty("onAir").GetProperty("remaining").GetString()!);
            Assert.InRange(length, 1, 1000);
            Assert.Equal(length, first.Elapsed + first.Remaining);
            Assert.Equal(length, second.Elapsed + second.Remaining);
            // The counters moved as far as the server's clock, frame for frame: about 30 frames in 0.6 s (more or less on a busy machine).
            Assert.Equal(second.Tick - first.Tick, second.Elapsed - first.Elapsed);
            Assert.InRange(second.Tick - first.Tick, 1, 200);
            break;
        }
        // The next item follows the one on air: its countdown is the remaining time, to the frame.
        string shown = await page.EvaluateAsync<string>("() => document.querySelector('[data-r=remaining]').textContent + '|' + document.querySelector('[data-r=countdown]').textContent");
        Assert.Equal(shown.Split('|')[0], shown.Split('|')[1]);
        // The programme preview comes as the service's MJPEG stream, showing pictures.
        await Assertions.Expect(page.Locator("img[data-r=preview][data-mjpeg=on]")).ToHaveCountAsync(1);
        await page.WaitForFunctionAsync("() => document.querySelector('img[data-r=preview]').naturalWidth === 320");
        await Screenshots.Save(page, "panel-channel");
        // The devices tab (its shortcut) lists the outputs with their state.
        await page.Keyboard.PressAsync("d");
        await Assertions.Expect(page.Locator(".devices td", new() { HasText = "preview" }).First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_take_is_armed_by_the_first_press_done_by_the_second_and_shows_in_the_as_run_log_with_the_operator()
    {
        var page = await panel.Browser.Open(panel.Service, PanelService.Operator, "#/channel/2");
        var take = page.Locator("button[data-action=take]");
        await panel.Service.AwayFromACut(2);
        string next = (await panel.Service.Automation(2)).GetProperty("next").GetProperty("title").GetString()!;
        string onAir = (await panel.Service.Automation(2)).GetProperty("onAir").GetProperty("key").GetString()!;

        await take.ClickAsync();
        await Assertions.Expect(take).ToHaveClassAsync(new Regex("armed"));
        Assert.Equal(onAir, (await panel.Service.Automation(2)).GetProperty("onAir").GetProperty("key").GetString());

        await take.ClickAsync();
        await Assertions.Expect(take).Not.ToHaveClassAsync(new Regex("armed"));
        await Assertions.Expect(page.Locator("[data-r=onair-title]")).ToHaveTextAsync(next);
        Assert.NotEqual(onAir, (await panel.Service.Automation(2)).GetProperty("onAir").GetProperty("key").GetString());

        await page.Locator(".tabs a[data-tab=asRun]").ClickAsync();
        await Assertions.Expect(page.Locator(".asrun td.who", new() { HasTextRegex = new Regex($"taken off air by {PanelService.OperatorName}") }).First)
            .ToBeVisibleAsync();
        await Screenshots.Save(page, "panel-asrun");
        // The export comes as the service makes it, fetched with the token.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-export=csv]").ClickAsync());
        Assert.Matches(@"^asrun-2-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        Assert.Contains($"taken off air by {PanelService.OperatorName}", await File.ReadAllTextAsync((await download.PathAsync())!));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_shortcut_runs_its_action_but_not_while_the_operator_types_in_a_field()
    {
        var page = await panel.Browser.Open(panel.Service, PanelService.Operator, "#/channel/1");
        await page.Locator("[data-r=emergency-input]").FocusAsync();
        await page.Keyboard.PressAsync("h");
        await page.Keyboard.PressAsync("Shift+H");
        await Assertions.Expect(page.Locator("[data-r=emergency-input]")).ToHaveValueAsync("hH");
        await Task.Delay(300);
        Assert.NotEqual("held", (await panel.Service.Automation(1)).GetProperty("mode").GetString());

        await page.Keyboard.PressAsync("Escape"); // leaves the field
        await page.Keyboard.PressAsync("h");
        await Until(async () => (await panel.Service.Automation(1)).GetProperty("mode").GetString() == "held");
        await Assertions.Expect(page.Locator(".badge[data-r=state]")).ToHaveTextAsync(new Regex("HOLD|ALARM"));

        // Release is armed first: one press does nothing, the second releases.
        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(page.Locator("button[data-action=release]")).ToHaveClassAsync(new Regex("armed"));
        Assert.Equal("held", (await panel.Service.Automation(1)).GetProperty("mode").GetString());
        await page.Keyboard.PressAsync("r");
        await Until(async () => (await panel.Service.Automation(1)).GetProperty("mode").GetString() != "held");

        // A take by the keyboard: Space arms it, Space again takes the next event to air.
        await panel.Service.AwayFromACut(1);
        string before = (await panel.Service.Automation(1)).GetProperty("onAir").GetProperty("key").GetString()!;
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("button[data-action=take]")).ToHaveClassAsync(new Regex("armed"));
        Assert.Equal(before, (await panel.Service.Automation(1)).GetProperty("onAir").GetProperty("key").GetString());
        await page.Keyboard.PressAsync("Space");
        await Until(async () => (await panel.Service.Automation(1)).GetProperty("onAir").GetProperty("key").GetString() != before);

        // The help overlay lists every action's key.
        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Locator("#help")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#help kbd")).ToHaveCountAsync(PanelConfig.DefaultShortcuts.Count);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#help")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_event_selected_in_the_rundown_with_the_arrow_keys_is_made_next_by_its_key_pressed_twice()
    {
        await panel.Service.AwayFromACut(1);
        var page = await panel.Browser.Open(panel.Service, PanelService.Operator, "#/channel/1");
        await Assertions.Expect(page.Locator(".rundown tr.item.selected")).ToHaveAttributeAsync("data-state", new Regex("^(cued|ready)$"));
        string next = (await panel.Service.Automation(1)).GetProperty("next").GetProperty("id").GetString()!;
        await page.Keyboard.PressAsync("ArrowDown");
        var selected = page.Locator(".rundown tr.item.selected");
        string chosen = (await selected.GetAttributeAsync("data-id"))!;
        Assert.NotEqual(next, chosen);
        await page.Keyboard.PressAsync("n");
        await Assertions.Expect(page.Locator("button[data-action=next]")).ToHaveClassAsync(new Regex("armed"));
        await page.Keyboard.PressAsync("n");
        await Until(async () => (await panel.Service.Automation(1)).GetProperty("next").GetProperty("id").GetString() == chosen);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Acknowledging_an_alarm_records_the_operator_and_shows_who()
    {
        var page = await panel.Browser.Open(panel.Service, PanelService.Operator, "#/channel/1/alarms");
        var button = page.Locator(".alarm-view [data-ack]").First;
        await Assertions.Expect(button).ToBeVisibleAsync();
        long id = long.Parse((await button.GetAttributeAsync("data-ack"))!);
        await button.ClickAsync();
        await Assertions.Expect(page.Locator($".alarm-view tr[data-alarm='{id}'] .who").First).ToHaveTextAsync(PanelService.OperatorName);
        using var client = panel.Service.Client(PanelService.Viewer);
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/alarms");
        var alarm = listed.EnumerateArray().FirstOrDefault(a => a.GetProperty("id").GetInt64() == id);
        if (alarm.ValueKind == JsonValueKind.Object) // a cleared alarm leaves the list once acknowledged
            Assert.Equal(PanelService.OperatorName, alarm.GetProperty("ack").GetProperty("who").GetString());
        await Assertions.Expect(page.Locator(".history td.who", new() { HasText = PanelService.OperatorName }).First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("?");
        await Screenshots.Save(page, "panel-alarms-help");
        await page.Context.CloseAsync();
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true within 10 s");
            await Task.Delay(50);
        }
    }
}
