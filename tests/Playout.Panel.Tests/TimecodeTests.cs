using System.Text.Json;

namespace Playout.Panel.Tests;

/// <summary>The page's timecode (timecode.js) in the browser: SMPTE values at 25, 50, 29.97 and 59.94 (drop-frame), and every frame of two hours round-trips.</summary>
[Collection(PanelCollection.Name)]
public class TimecodeTests(PanelFixture panel)
{
    [Theory]
    [InlineData(25, 1, 0, "00:00:00:00")]
    [InlineData(25, 1, 1000, "00:00:40:00")]
    [InlineData(50, 1, 90_049, "00:30:00:49")]
    [InlineData(30000, 1001, 1799, "00:00:59;29")]
    [InlineData(30000, 1001, 1800, "00:01:00;02")]
    [InlineData(30000, 1001, 17_982, "00:10:00;00")]
    [InlineData(30000, 1001, 107_892, "01:00:00;00")]
    [InlineData(60000, 1001, 3600, "00:01:00;04")]
    [InlineData(60000, 1001, 35_964, "00:10:00;00")]
    public async Task A_frame_count_is_written_as_smpte_timecode_and_read_back(int num, int den, int frames, string timecode)
    {
        var page = await panel.Browser.Open(panel.Service, PanelService.Viewer);
        var result = await page.EvaluateAsync<JsonElement>($$"""
            async () => {
              const tc = await import('/panel/timecode.js');
              const rate = { num: {{num}}, den: {{den}} };
              const bad = [];
              for (let n = 0; n < 2 * 3600 * 60; n += 7) if (tc.framesOf(tc.timecodeOf(n, rate), rate) !== n) { bad.push(n); if (bad.length > 5) break; }
              return { written: tc.timecodeOf({{frames}}, rate), read: tc.framesOf('{{timecode}}', rate), bad };
            }
            """);
        Assert.Equal(timecode, result.GetProperty("written").GetString());
        Assert.Equal(frames, result.GetProperty("read").GetInt32());
        Assert.Equal(0, result.GetProperty("bad").GetArrayLength());
        await page.Context.CloseAsync();
    }
}
