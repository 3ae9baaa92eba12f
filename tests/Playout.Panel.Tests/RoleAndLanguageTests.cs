using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Playout.Panel.Tests;

/// <summary>Roles from the tokens decide what the panel offers; the language is the user's, kept in the browser.</summary>
[Collection(PanelCollection.Name)]
public class RoleAndLanguageTests(PanelFixture panel)
{
    [Fact]
    public async Task A_viewer_sees_no_action_an_operator_acts_and_only_an_engineer_may_load_a_schedule_run_a_script_or_delete_an_event()
    {
        var viewer = await panel.Browser.Open(panel.Service, PanelService.Viewer, "#/channel/1/alarms");
        await Assertions.Expect(viewer.Locator("#user")).ToHaveTextAsync($"{PanelService.ViewerName} · viewer");
        await Assertions.Expect(viewer.Locator(".alarm-view tr.alarm").First).ToBeVisibleAsync();
        Assert.Equal(0, await viewer.Locator("button[data-action]").CountAsync());
        Assert.Equal(0, await viewer.Locator("[data-ack]").CountAsync());
        await viewer.Keyboard.PressAsync("h"); // a viewer's shortcut does nothing either
        await Task.Delay(300);
        Assert.NotEqual("held", (await panel.Service.Automation(1)).GetProperty("mode").GetString());
        await viewer.Context.CloseAsync();

        var op = await panel.Browser.Open(panel.Service, PanelService.Operator, "#/channel/1/alarms");
        await Assertions.Expect(op.Locator("button[data-action]")).ToHaveCountAsync(9);
        await Assertions.Expect(op.Locator(".alarm-view [data-ack]").First).ToBeVisibleAsync();
        Assert.Equal(0, await op.Locator("[data-r=schedule-file], [data-r=script-file], [data-action=deleteEvent]").CountAsync());
        await op.Context.CloseAsync();

        var engineer = await panel.Browser.Open(panel.Service, PanelService.Engineer, "#/channel/1");
        await Assertions.Expect(engineer.Locator("button[data-action]")).ToHaveCountAsync(10);
        Assert.Equal(2, await engineer.Locator("[data-r=schedule-file], [data-r=script-file]").CountAsync());
        await engineer.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_a_token_the_page_asks_for_one_and_signs_in_with_its_role()
    {
        var context = await panel.Browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(panel.Service.Url);
        var login = page.Locator("#login");
        await Assertions.Expect(login).ToBeVisibleAsync();
        await login.Locator("input[name=token]").FillAsync(PanelService.Operator);
        await login.Locator("button[value=signin]").ClickAsync();
        await Assertions.Expect(page.Locator("#user")).ToHaveTextAsync($"{PanelService.OperatorName} · operator");
        await Assertions.Expect(page.Locator(".tile")).ToHaveCountAsync(2);
        // The token stays with the tab, never in the address.
        Assert.DoesNotContain(PanelService.Operator, page.Url);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Every_language_has_every_word_of_the_english_interface()
    {
        var page = await panel.Browser.Open(panel.Service, PanelService.Viewer);
        string[] gaps = await page.EvaluateAsync<string[]>("""
            async () => {
              const { dictionaries } = await import('/panel/i18n.js');
              const words = Object.keys(dictionaries.en);
              return Object.entries(dictionaries).flatMap(([language, d]) => [
                ...words.filter(w => !d[w]).map(w => `${language} lacks ${w}`),
                ...Object.keys(d).filter(w => !(w in dictionaries.en)).map(w => `${language} has ${w}, English does not`),
              ]);
            }
            """);
        Assert.Empty(gaps);
        Assert.Equal(["en", "vi", "zh-CN", "id"], await page.EvaluateAsync<string[]>("async () => Object.keys((await import('/panel/i18n.js')).dictionaries)"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en", "Rundown", "Take")]
    [InlineData("vi", "Danh sách phát", "Chuyển")]
    [InlineData("zh-CN", "播出单", "切换")]
    [InlineData("id", "Susunan acara", "Tayangkan")]
    public async Task The_language_switch_changes_the_words_and_the_choice_is_kept(string language, string rundown, string take)
    {
        var page = await panel.Browser.Open(panel.Service, PanelService.Operator, "#/channel/1", language == "en" ? "vi" : "en");
        await page.Locator("#lang").SelectOptionAsync(language);
        await Assertions.Expect(page.Locator(".tabs a[data-tab=rundown]")).ToHaveTextAsync(rundown);
        await Assertions.Expect(page.Locator("button[data-action=take]")).ToHaveTextAsync(new Regex("^" + Regex.Escape(take)));
        Assert.Equal(language, await page.EvaluateAsync<string>("document.documentElement.lang"));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".tabs a[data-tab=rundown]")).ToHaveTextAsync(rundown);
        await page.Context.CloseAsync();
    }
}
