using System.Text.Json;
using Xunit.Abstractions;

namespace Playout.Panel.Tests;

/// <summary>
/// How long after a cut the page shows it: the page itself posts a take (REST, as any client would) and watches the on-air
/// title change, both times read on the page's clock. PLAYOUT_PANEL_LATENCY_SAMPLES=N takes more samples (default 5);
/// the figures go to the test output (bench/RESULTS.md has a run).
/// </summary>
[Collection(PanelCollection.Name)]
public class PanelLatencyTests(PanelFixture panel, ITestOutputHelper output)
{
    [Fact]
    public async Task A_cut_shows_on_the_page_within_a_few_stream_intervals()
    {
        int samples = int.TryParse(Environment.GetEnvironmentVariable("PLAYOUT_PANEL_LATENCY_SAMPLES"), out int n) && n > 0 ? n : 5;
        var page = await panel.Browser.Open(panel.Service, PanelService.Operator, "#/channel/1");
        var latencies = new List<double>();
        for (int i = 0; i < samples; i++)
        {
            await Task.Delay(700); // past the take debounce
            var measured = await page.EvaluateAsync<JsonElement>("""
                async () => {
                  const title = document.querySelector('[data-r=onair-title]');
                  const before = title.textContent;
                  const shown = new Promise(resolve => new MutationObserver((_, observer) => {
                    if (title.textContent !== before) { observer.disconnect(); resolve(performance.now()); }
                  }).observe(title, { childList: true, characterData: true, subtree: true }));
                  const sent = performance.now();
                  const answer = await fetch('/api/channels/1/take', { method: 'POST', headers: { Authorization: 'Bearer ' + sessionStorage.getItem('playout.token') } });
                  if (!answer.ok) return { error: await answer.text() };
                  return { ms: await shown - sent };
                }
                """);
            Assert.False(measured.TryGetProperty("error", out var error), error.ToString());
            latencies.Add(measured.GetProperty("ms").GetDouble());
        }
        latencies.Sort();
        double median = latencies[latencies.Count / 2];
        output.WriteLine($"panel update latency, REST take to the page showing it (ms): median {median:F0}, max {latencies[^1]:F0}, " +
            $"samples {string.Join(", ", latencies.Select(l => l.ToString("F0")))}");
        // A stream update every 80 ms, a cut at the next tick: well under a second even on a loaded machine.
        Assert.InRange(median, 0, 1000);
        await page.Context.CloseAsync();
    }
}
