using Playout.Server.Hosting;
using Playout.TestSupport;

namespace Playout.Server.Tests.Hosting;

/// <summary>The "panel" section: defaults when absent, remapped shortcuts, and bad values refused at their line and field.</summary>
public sealed class PanelConfigTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Write(string json) => _folder.Write("service.json", System.Text.Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Without_the_section_the_panel_opens_in_english_with_the_default_keys_and_a_500_ms_take_debounce()
    {
        var config = ServiceConfig.Load(Write("""{ "channels": [ { "name": "a", "format": "720p50", "clock": "system" } ] }"""));
        Assert.Equal("en", config.Panel.DefaultLanguage);
        Assert.Equal(500, config.Panel.TakeDebounceMs);
        Assert.Equal(PanelConfig.DefaultShortcuts, config.Panel.EffectiveShortcuts);
        Assert.Equal(PanelConfig.DefaultShortcuts.Count, config.Panel.EffectiveShortcuts.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void A_remapped_key_replaces_its_actions_default_and_the_others_keep_theirs()
    {
        var config = ServiceConfig.Load(Write("""
            {
              "panel": { "defaultLanguage": "vi", "takeDebounceMs": 800, "shortcuts": { "take": "F12", "hold": "Ctrl+Shift+H" } },
              "channels": [ { "name": "a", "format": "720p50", "clock": "system" } ]
            }
            """));
        Assert.Equal("vi", config.Panel.DefaultLanguage);
        Assert.Equal(800, config.Panel.TakeDebounceMs);
        Assert.Equal("F12", config.Panel.EffectiveShortcuts["take"]);
        Assert.Equal("Ctrl+Shift+H", config.Panel.EffectiveShortcuts["hold"]);
        Assert.Equal("S", config.Panel.EffectiveShortcuts["skip"]);
    }

    [Fact]
    public void Bad_values_are_refused_each_at_its_line_and_field()
    {
        string path = Write("""
            {
              "panel": {
                "defaultLanguage": "fr",
                "takeDebounceMs": -1,
                "shortcuts": { "tkae": "T", "hold": "hh", "skip": "Space" }
              },
              "channels": [ { "name": "a", "format": "720p50", "clock": "system" } ]
            }
            """);
        var error = Assert.Throws<ConfigException>(() => ServiceConfig.Load(path));
        string[] problems = error.Message.Split(Environment.NewLine);
        Assert.Equal([
            $"{path}, line 3: panel.defaultLanguage: 'fr' is not one of the panel's languages (en, vi, zh-CN, id)",
            $"{path}, line 5: panel.shortcuts.tkae: no such action; the actions are {string.Join(", ", PanelConfig.DefaultShortcuts.Keys)}",
            $"{path}, line 5: panel.shortcuts.hold: 'hh' is not a key (a letter, digit or sign, F1-F12, Space, Enter, Escape, an arrow, …, optionally after Ctrl+, Alt+ or Shift+)",
            $"{path}, line 5: panel.shortcuts.skip: 'Space' is the key of skip and take; each action needs a key of its own",
            $"{path}, line 4: panel.takeDebounceMs: 0 to 10000 milliseconds; got -1",
        ], problems);
    }
}
