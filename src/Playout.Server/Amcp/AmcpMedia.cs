using System.Globalization;
using Playout.Automation.Library;
using Playout.Automation.Schedules;
using Playout.Engine.Library;

namespace Playout.Server.Amcp;

/// <summary>
/// Clips as CasparCG names them: a file's path under its media root without the extension, '/' between folders, upper
/// case in listings and matched in any case. Names resolve only to files inside the media roots (<see cref="SourceRules"/>).
/// </summary>
public sealed class AmcpMedia(SourceRules sources, MediaCatalog? catalog)
{
    /// <summary>How many catalogue entries a CLS lists at most.</summary>
    private const int ListLimit = 100_000;

    /// <summary>CLS: one line per catalogued file in the media scanner's format, <c>"NAME" TYPE SIZE YYYYMMDDHHMMSS FRAMES TIMEBASE</c>.</summary>
    public IEnumerable<string> List() =>
        (catalog?.List(null, 0, ListLimit).Items ?? []).Where(e => e.Info is not null && NameOf(e.Path) is not null)
            .Select(e => ClipLine(NameOf(e.Path)!, e));

    /// <summary>TLS: the templates, which here are the catalogue's pictures (docs/AMCP.md "CG"), one name a line as CasparCG lists them.</summary>
    public IEnumerable<string> Templates() =>
        (catalog?.List(null, 0, ListLimit).Items ?? []).Where(e => e.Info is { } info && IsStill(info) && NameOf(e.Path) is not null)
            .Select(e => NameOf(e.Path)!.ToUpperInvariant());

    /// <summary>CINF: the catalogued file's line in the scanner's format.</summary>
    /// <exception cref="AmcpFailure">404 when no catalogued file has that name.</exception>
    public string Info(string name) =>
        Catalogued(name) is { Info: not null } entry ? ClipLine(NameOf(entry.Path)!, entry) : throw AmcpFailure.NotFound("CINF", $"no clip named '{name}' in the media library");

    /// <summary>
    /// THUMBNAIL LIST: <c>"NAME" YYYYMMDDTHHMMSS SIZE</c> for each catalogued file with a thumbnail, as the scanner lists
    /// them (the time the file was probed, UTC; the thumbnail's size in bytes).
    /// </summary>
    public IEnumerable<string> Thumbnails()
    {
        if (catalog is null)
            yield break;
        foreach (var (path, size) in catalog.ThumbnailSizes().Take(ListLimit))
        {
            if (NameOf(path) is { } name && catalog.Get(path) is { } entry)
                yield return string.Create(CultureInfo.InvariantCulture, $"\"{name.ToUpperInvariant()}\" {entry.ProbedAt:yyyyMMdd'T'HHmmss} {size}");
        }
    }

    /// <summary>THUMBNAIL RETRIEVE: the thumbnail in base64 (a JPEG here, where CasparCG's scanner makes PNGs).</summary>
    /// <exception cref="AmcpFailure">404 when the file is not catalogued or has no thumbnail.</exception>
    public string Thumbnail(string name) =>
        Catalogued(name) is { } entry && catalog!.GetThumbnail(entry.Path) is { } jpeg ? Convert.ToBase64String(jpeg)
            : throw AmcpFailure.NotFound("THUMBNAIL", $"no thumbnail of '{name}' in the media library");

    /// <summary>The catalogue's entry whose clip name is <paramref name="name"/> (any case); null when none.</summary>
    private MediaEntry? Catalogued(string name) =>
        string.IsNullOrWhiteSpace(name) ? null
            // The catalogue's own name lookup (by file name), narrowed to the entry whose clip name is this one.
            : catalog?.FindByName(name).FirstOrDefault(e => string.Equals(NameOf(e.Path), name.Replace('\\', '/'), StringComparison.OrdinalIgnoreCase));

    /// <summary>The file a clip name stands for.</summary>
    /// <exception cref="AmcpFailure">403 for a name that leads out of the media roots; 404 for one that names no file.</exception>
    public string Resolve(string verb, string name)
    {
        string full = sources.Resolve(name);
        if (RootOf(full) is null)
            throw AmcpFailure.Refused(verb, $"'{name}' is outside the media roots");
        var catalogued = Catalogued(name);
        string path = catalogued?.Path ?? (File.Exists(full) ? full : SameStem(full))
            ?? throw AmcpFailure.NotFound(verb, $"no clip named '{name}' in the media roots");
        try
        {
            return sources.Open(path);
        }
        catch (IOException error)
        {
            throw AmcpFailure.Refused(verb, error.Message);
        }
    }

    /// <summary>The clip name of a file; null when it lies in no media root.</summary>
    internal string? NameOf(string path)
    {
        string full = Path.GetFullPath(path);
        if (RootOf(full) is not { } root)
            return null;
        string relative = Path.GetRelativePath(root, full).Replace('\\', '/');
        int dot = relative.LastIndexOf('.');
        return dot > relative.LastIndexOf('/') + 1 ? relative[..dot] : relative;
    }

    private string? RootOf(string full) =>
        sources.MediaRoots.FirstOrDefault(root => full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    /// <summary>A file in the same folder whose name without extension is <paramref name="full"/>'s last part, in any case.</summary>
    private static string? SameStem(string full)
    {
        string? folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
            return null;
        string stem = Path.GetFileName(full);
        return Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal)
            .FirstOrDefault(f => Path.GetFileNameWithoutExtension(f).Equals(stem, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A picture: video without a length or a frame rate.</summary>
    private static bool IsStill(MediaInfo info) => info.HasVideo && (info.Duration is null || info.Duration <= TimeSpan.Zero || info.FrameRate is null);

    /// <summary>
    /// The scanner's line, two spaces either side of the type as the scanner joins them (casparcg-connection reads either): the type (MOVIE with video that lasts, STILL for a picture, AUDIO for sound only), the size in
    /// bytes, the modification time (UTC here), the length in frames and the time base of one frame (0 and 0/1 for stills).
    /// </summary>
    internal static string ClipLine(string name, MediaEntry entry)
    {
        var info = entry.Info!;
        bool still = IsStill(info);
        string type = still ? "STILL" : info.HasVideo ? "MOVIE" : "AUDIO";
        long frames = 0;
        string timeBase = "0/1";
        if (!still && info.FrameRate is { } rate && info.Duration is { } duration)
        {
            frames = (long)Math.Round(duration.TotalSeconds * rate.ToDouble());
            timeBase = $"{rate.Denominator}/{rate.Numerator}";
        }
        else if (!still && info.Duration is { } length)
        {
            frames = (long)Math.Round(length.TotalSeconds * 100);
            timeBase = "1/100";
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"\"{name.ToUpperInvariant()}\"  {type}  {entry.Size} {entry.Modified:yyyyMMddHHmmss} {frames} {timeBase}");
    }
}
