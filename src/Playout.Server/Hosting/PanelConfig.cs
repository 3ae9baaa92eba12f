using System.Text.RegularExpressions;

namespace Playout.Server.Hosting;

/// <summary>
/// The operator's web panel (docs/PANEL.md): the language it opens in, its keyboard shortcuts (action → key, remappable
/// here; the actions not named keep their default keys) and how long after a cut a second take is ignored.
/// </summary>
public sealed partial record PanelConfig
{
    /// <summary>The interface languages the panel ships, by BCP 47 tag: English, Vietnamese, Chinese (Simplified), Indonesian.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "vi", "zh-CN", "id"];

    /// <summary>Every action a key can trigger, with its default key.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultShortcuts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["take"] = "Space",
        ["hold"] = "H",
        ["release"] = "R",
        ["skip"] = "S",
        ["next"] = "N",
        ["insert"] = "I",
        ["emergency"] = "E",
        ["emergencyClear"] = "Shift+E",
        ["graphics"] = "G",
        ["fallbackHold"] = "F",
        ["fallbackRelease"] = "Shift+F",
        ["deleteEvent"] = "Delete",
        ["acknowledge"] = "A",
        ["selectUp"] = "ArrowUp",
        ["selectDown"] = "ArrowDown",
        ["overview"] = "O",
        ["previousChannel"] = "[",
        ["nextChannel"] = "]",
        ["asRun"] = "L",
        ["devices"] = "D",
        ["alarms"] = "M",
        ["cancel"] = "Escape",
        ["help"] = "?",
    };

    /// <summary>The language a user who has not chosen one sees (default English).</summary>
    public string DefaultLanguage { get; init; } = "en";

    /// <summary>Keys that replace the defaults of the actions they name (<see cref="DefaultShortcuts"/>).</summary>
    public IReadOnlyDictionary<string, string> Shortcuts { get; init; } = new Dictionary<string, string>();

    /// <summary>A take within this many milliseconds of the last cut is ignored (the server refuses it; the panel greys its button).</summary>
    public int TakeDebounceMs { get; init; } = 500;

    /// <summary>Every action's key: the defaults with this configuration's changes.</summary>
    public IReadOnlyDictionary<string, string> EffectiveShortcuts =>
        DefaultShortcuts.ToDictionary(pair => pair.Key, pair => Shortcuts.TryGetValue(pair.Key, out string? key) ? key : pair.Value, StringComparer.Ordinal);

    internal void Validate(string where, ConfigProblems problems)
    {
        if (!Languages.Contains(DefaultLanguage, StringComparer.Ordinal))
            problems.Add($"{where}.defaultLanguage", $"'{DefaultLanguage}' is not one of the panel's languages ({string.Join(", ", Languages)})");
        foreach (var (action, key) in Shortcuts)
        {
            if (!DefaultShortcuts.ContainsKey(action))
                problems.Add($"{where}.shortcuts.{action}", $"no such action; the actions are {string.Join(", ", DefaultShortcuts.Keys)}");
            else if (!KeyName().IsMatch(key))
                problems.Add($"{where}.shortcuts.{action}", $"'{key}' is not a key (a letter, digit or sign, F1-F12, Space, Enter, Escape, an arrow, …, "
                    + "optionally after Ctrl+, Alt+ or Shift+)");
        }
        foreach (var clash in EffectiveShortcuts.GroupBy(pair => pair.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            string[] actions = [.. clash.Select(pair => pair.Key).Order(StringComparer.Ordinal)];
            string changed = actions.FirstOrDefault(Shortcuts.ContainsKey) ?? actions[0];
            problems.Add($"{where}.shortcuts.{changed}", $"'{clash.Key}' is the key of {string.Join(" and ", actions)}; each action needs a key of its own");
        }
        if (TakeDebounceMs is < 0 or > 10_000)
            problems.Add($"{where}.takeDebounceMs", $"0 to 10000 milliseconds; got {TakeDebounceMs}");
    }

    [GeneratedRegex(@"^((Ctrl|Alt|Shift|Meta)\+)*(F([1-9]|1[0-2])|[A-Z0-9]|Space|Enter|Escape|Tab|Backspace|Delete|Insert|Home|End|PageUp|PageDown|ArrowUp|ArrowDown|ArrowLeft|ArrowRight|[!-/:-@\[-`{-~])$")]
    private static partial Regex KeyName();
}
