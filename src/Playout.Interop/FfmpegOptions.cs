using System.Text;

namespace Playout.Interop;

/// <summary>The "key=value:key=value" option strings the native sink and sources take.</summary>
public static class FfmpegOptions
{
    /// <summary>A value as such a string holds it: ':', '=', '\' and quotes escaped.</summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder();
        foreach (char c in value)
            (c is ':' or '=' or '\\' or '\'' ? escaped.Append('\\') : escaped).Append(c);
        return escaped.ToString();
    }

    /// <summary>Option strings joined into one, the empty and null ones left out; null when none is left.</summary>
    public static string? Join(params string?[] parts) =>
        parts.Where(p => !string.IsNullOrEmpty(p)).ToList() is { Count: > 0 } given ? string.Join(':', given) : null;
}
