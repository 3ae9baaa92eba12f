using Microsoft.Playwright;

namespace Playout.Panel.Tests;

/// <summary>With PLAYOUT_PANEL_SCREENSHOTS=FOLDER the tests save what they see there (docs/images is made this way).</summary>
public static class Screenshots
{
    public static async Task Save(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("PLAYOUT_PANEL_SCREENSHOTS") is not { Length: > 0 } folder)
            return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }
}
