using System.Text.RegularExpressions;
using Playout.Engine;

namespace Playout.Automation.Schedules;

/// <summary>
/// Where a schedule's sources may come from: files inside the media roots (a name resolves against the media folder,
/// so "../", absolute paths elsewhere and symbolic links that lead out of the roots are refused), streams over the
/// allowed network protocols, and card inputs ("card:N") for live events. Checked by <see cref="ScheduleValidator"/>;
/// the automation opens files through <see cref="Open"/>, and the engine enforces the protocols again at FFmpeg
/// (<see cref="MediaUrl.WithProtocols"/>).
/// </summary>
/// <param name="MediaFolder">Where a relative media name is looked up (the service's media folder); a full path.</param>
/// <param name="MediaRoots">The folders sources may lie in (the media folder among them); full paths.</param>
/// <param name="Protocols">The network protocols a stream URL may use, lower case.</param>
public sealed partial record SourceRules(string MediaFolder, IReadOnlyList<string> MediaRoots, IReadOnlyList<string> Protocols)
{
    /// <summary>Rules for a media folder and any other roots; the protocols default to <see cref="MediaUrl.DefaultProtocols"/>.</summary>
    public static SourceRules For(string mediaFolder, IEnumerable<string>? otherRoots = null, IEnumerable<string>? protocols = null)
    {
        string folder = Path.GetFullPath(mediaFolder);
        return new SourceRules(folder, [folder, .. (otherRoots ?? []).Select(Path.GetFullPath)],
            (protocols ?? MediaUrl.DefaultProtocols).Select(p => p.ToLowerInvariant()).ToList());
    }

    /// <summary>The full path a media name stands for.</summary>
    public string Resolve(string name) => Path.GetFullPath(Path.Combine(MediaFolder, name));

    /// <summary>Why a clip's or still's source may not be used, or null: a file in the roots or a stream over an allowed protocol.</summary>
    public string? CheckMedia(string source) => MediaUrl.Scheme(source) is null ? CheckFile(source) : CheckProtocol(source);

    /// <summary>Why a live event's source may not be used, or null: "card:N", or a stream over an allowed protocol.</summary>
    public string? CheckLive(string source) =>
        CardInput().IsMatch(source) ? null
        : MediaUrl.Scheme(source) is null ? $"'{source}' is not a live source (card:N, or a stream URL: {Listed})"
        : CheckProtocol(source);

    /// <summary>Why a picture file (a still, a graphic, a filler picture) may not be used, or null.</summary>
    public string? CheckFile(string name) => Confine(name, out _);

    /// <summary>
    /// The path to open for a media name: its real path (symbolic links followed), which lies in the roots, so that what
    /// is opened is what was checked even when a link has changed since the schedule was validated.
    /// </summary>
    /// <exception cref="IOException">The name may not be used; the message says why (as <see cref="CheckFile"/>).</exception>
    public string Open(string name) => Confine(name, out var path) is { } problem ? throw new IOException(problem) : path!;

    /// <summary>
    /// Why a file may not be used, or null with its real path: the name's path and the roots are compared with every
    /// symbolic link among their existing components followed, so a link in a root that leads out of the roots is outside.
    /// </summary>
    private string? Confine(string name, out string? path)
    {
        path = null;
        if (MediaUrl.Scheme(name) is not null)
            return $"'{name}' is a URL; a picture is a file in the media roots";
        string real;
        try
        {
            real = RealPath.Of(Resolve(name));
            if (!MediaRoots.Any(root => Inside(real, RealPath.Of(root))))
                return $"'{name}' is outside the media roots";
        }
        catch (Exception e) when (e is ArgumentException or PathTooLongException or NotSupportedException)
        {
            return $"'{name}' is not a file path ({e.Message})";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"'{name}' cannot be resolved ({e.Message})";
        }
        path = real;
        return null;
    }

    private string? CheckProtocol(string url) => MediaUrl.Scheme(url) is { } scheme && !Protocols.Contains(scheme)
        ? $"'{url}': the protocol '{scheme}' is not allowed (allowed: {Listed})"
        : null;

    private string Listed => string.Join(", ", Protocols.Select(p => p + "://"));

    private static bool Inside(string path, string root)
    {
        var folder = Path.TrimEndingDirectorySeparator(root);
        return path.Equals(folder, StringComparison.Ordinal)
            || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    [GeneratedRegex("^card:[0-9]+$", RegexOptions.IgnoreCase)]
    private static partial Regex CardInput();
}
