using System.Text.RegularExpressions;

namespace Playout.Engine;

/// <summary>
/// Tells a network address (udp://, srt://, …) from a file path, where the two are handled differently, and which
/// FFmpeg protocols each may reach.
/// </summary>
public static partial class MediaUrl
{
    /// <summary>The network protocols a source may use unless the configuration says otherwise.</summary>
    public static IReadOnlyList<string> DefaultProtocols { get; } = ["udp", "rtp", "srt"];

    public static bool IsNetwork(string url) => url.Contains("://", StringComparison.Ordinal);

    /// <summary>The protocol a URL names ("udp" of "udp://…", "file" of "file:/…"), lower case; null for a plain path.</summary>
    public static string? Scheme(string url) => SchemePrefix().Match(url) is { Success: true } m ? m.Groups[1].Value.ToLowerInvariant() : null;

    /// <summary>
    /// <paramref name="options"/> with FFmpeg's protocol_whitelist for <paramref name="url"/>: "file" for a plain path,
    /// the allowed network protocols for a URL (rtp with the udp it runs on), so a URL naming any other protocol
    /// (file:, http:, tcp:, concat:…) or a file that refers onwards to one is refused by FFmpeg itself.
    /// </summary>
    public static string WithProtocols(string url, string? options, IReadOnlyList<string>? allowed = null)
    {
        var protocols = Scheme(url) is null ? ["file"] : Network(allowed ?? DefaultProtocols);
        string whitelist = $"protocol_whitelist={string.Join(",", protocols)}";
        return string.IsNullOrEmpty(options) ? whitelist : $"{options}:{whitelist}";
    }

    private static IEnumerable<string> Network(IReadOnlyList<string> allowed) =>
        allowed.Contains("rtp", StringComparer.OrdinalIgnoreCase) ? allowed.Append("udp").Distinct(StringComparer.OrdinalIgnoreCase) : allowed;

    // RFC 3986's scheme, at least two characters so a drive letter ("C:") is not one.
    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]+):")]
    private static partial Regex SchemePrefix();
}
