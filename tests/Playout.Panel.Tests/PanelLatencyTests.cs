using System.Text.Json;
using Xunit.Abstractions;

namespace Playout.Panel.Tests;

/// <summary>
/// How long after a cut the page shows it: the page itself posts a take (REST, as any client would) and watches the on-air
/// title change, both times read on the page's clock (and, for comparison, when a REST poll of the automation status first
/// names the new item). PLAYOUT_PANEL_LATENCY_SAMPLES=N takes more samples (default 5);
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
        var rest = new List<double>();
        for (int i = 0; i < samples; i++)
        {
            await panel.Service.AwayFromACut(1);
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
                  // For comparison: when the automation status read over REST first names another item.
                  let polled;
                  for (;;) {
                    const status = await (await fetch('/api/channels/1/automation', { headers: { Authorization: 'Bearer ' + sessionStorage.getItem('playout.token') } })).json();
                    if (status.onAir?.title !== before) { polled = performance.now(); break; }
                  }
                  return { ms: await shown - sent, rest: polled - sent };
                }
                """);
            Assert.False(measured.TryGetProperty("error", out var error), error.ToString());
            latencies.Add(measured.GetProperty("ms").GetDouble());
            rest.Add(measured.GetProperty("rest").GetDouble());
        }
        latencies.Sort();
        double median = latencies[latencies.Count / 2];
        output.WriteLine($"panel update latency, REST take to the page showing it (ms): median {median:F0}, max {latencies[^1]:F0}, " +
            $"samples {string.Join(", ", latencies.Select(l => l.ToString("F0")))}; the automation status polled over REST names the new item after " +
            $"(ms) {string.Join(", ", rest.Order().Select(l => l.ToString("F0")))}");
        // A cut is sent within 20 ms and the take reaches air in a few ticks: well under two seconds even on a loaded machine.
        Assert.InRange(median, 0, 2000);
        await page.Context.CloseAsync();
    }
}
