using System.Net.Http.Json;
using Microsoft.Playwright;
using Playout.TestSupport;

namespace Playout.Panel.Tests;

/// <summary>
/// A song's intro on the channel view, as a presenter needs it: the next song's intro length beside its title, and on air
/// the intro counting down to the voice, gone once it comes in. The intro is an engineer's marker set over the API.
/// </summary>
[Collection(PanelCollection.Name)]
public class IntroCountdownTests(PanelFixture panel)
{
    [Fact]
    public async Task The_next_songs_intro_is_shown_and_on_air_it_counts_down_to_the_voice()
    {
        await using var service = new PanelService(day: """
            date: 2026-01-01
            events:
              - id: loop
                kind: block
                loop: true
                duration: "24:00:00"
                children:
                  - { id: one, kind: clip, title: "Song one", source: one.wav, duration: "00:00:08" }
                  - { id: two, kind: clip, title: "Song two", source: two.wav, duration: "00:00:08" }
            """);
        foreach (string song in new[] { "one.wav", "two.wav" })
            Ffmpeg.Run("-f", "lavfi", "-i", "sine=frequency=440:duration=8", service.MediaFile(song));
        await service.Start();
        // An engineer marks each song's voice 4 s in, once the library has catalogued it.
        using (var engineer = service.Client(PanelService.Engineer))
        {
            foreach (string song in new[] { "one.wav", "two.wav" })
                for (var deadline = DateTime.UtcNow.AddSeconds(30); ; await Task.Delay(200))
                {
                    var set = await engineer.PutAsJsonAsync($"/api/media/markers?path={song}", new { intro = 4.0 });
                    if (set.IsSuccessStatusCode)
                        break;
                    Assert.True(DateTime.UtcNow < deadline, $"{song} was never catalogued: {(int)set.StatusCode}");
                }
        }

        var page = await panel.Browser.Open(service, PanelService.Viewer, "#/channel/1");
        // Next: the whole intro, 4 s at 50 frames a second.
        await Assertions.Expect(page.Locator("[data-r=next-meta]")).ToContainTextAsync("Intro 00:00:04:00", new() { Timeout = 15_000 });
        // On air: shown while the intro runs, counting down, and hidden once the voice is in.
        // The intro shown (in frames, read in the page at once: the next update may hide it), caught early in the intro
        // (more than 2 s of its 4 left: a loaded host may show the first update late), then seen lower while still shown.
        const string shown = """
            (below) => { const box = document.querySelector('[data-r=intro-box]'), s = document.querySelector('[data-r=intro]').textContent.split(':');
                         const frames = s.length === 4 ? +s[2] * 50 + +s[3] : -1;
                         return !box.hidden && frames > 0 && (below == null ? frames > 100 : frames < below) ? frames : false; }
            """;
        int first = await (await page.WaitForFunctionAsync(shown, null, new PageWaitForFunctionOptions { Timeout = 30_000 })).JsonValueAsync<int>();
        int later = await (await page.WaitForFunctionAsync(shown, first, new PageWaitForFunctionOptions { Timeout = 5_000 })).JsonValueAsync<int>();
        Assert.True(later < first && first <= 200, $"{first} then {later} frames");
        await Assertions.Expect(page.Locator("[data-r=intro-box]")).ToBeHiddenAsync(new() { Timeout = 5_000 });
        await page.Context.CloseAsync();
    }
}
