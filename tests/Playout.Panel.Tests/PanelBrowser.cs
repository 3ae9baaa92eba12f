using Microsoft.Playwright;

namespace Playout.Panel.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser), headless, with nothing that reaches out to the
/// network; and a page of the panel signed in with a token (kept in the tab's sessionStorage, as the sign-in form keeps it).
/// </summary>
public sealed class PanelBrowser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private PanelBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<PanelBrowser> Launch()
    {
        // The whole test run shares two cores: expectations wait as long as actions do.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new PanelBrowser(playwright, browser);
    }

    /// <summary>A new tab on the panel at <paramref name="path"/> (a hash route such as "#/channel/1"), signed in with <paramref name="token"/>.</summary>
    public async Task<IPage> Open(PanelService service, string token, string path = "", string? language = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 860 } });
        await context.AddInitScriptAsync($"sessionStorage.setItem('playout.token', '{token}');" +
            (language is null ? "" : $"if (!localStorage.getItem('playout.language')) localStorage.setItem('playout.language', '{language}');"));
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(service.Url + path);
        await page.Locator("body:not(.stale)").WaitForAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>One service and one browser for the panel's tests: each test opens its own tabs.</summary>
public sealed class PanelFixture : IAsyncLifetime
{
    public PanelService Service { get; } = new();
    public PanelBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Service.Start();
        Browser = await PanelBrowser.Launch();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Service.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PanelCollection : ICollectionFixture<PanelFixture>
{
    public const string Name = "panel";
}
