using Microsoft.AspNetCore.Http;

namespace Playout.Server.Web;

/// <summary>Which files of an HLS output's folder the service serves, and as what: playlists, init segments, media segments.</summary>
public static class HlsFiles
{
    public const string Playlist = "application/vnd.apple.mpegurl";

    /// <summary>The file <paramref name="path"/> names inside <paramref name="folder"/> and its content type; (null, null) for
    /// anything else: another kind of file, a hidden one (the muxer's own playlist), or a path that leads out of the folder.
    /// Whether it is there is the open's to say (<see cref="Serve"/>): a file can go between a look and an open.</summary>
    public static (string? File, string? Type) Resolve(string folder, string path)
    {
        string? type = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".m3u8" => Playlist,
            ".m4s" => "video/iso.segment",
            ".mp4" => "video/mp4",
            ".ts" => "video/mp2t",
            _ => null,
        };
        // A name the file system cannot hold (a NUL from the URL) is not a file here either.
        if (type is null || path.Contains('\0', StringComparison.Ordinal) || Path.GetFileName(path).StartsWith('.'))
            return (null, null);
        string root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        string file = Path.GetFullPath(Path.Combine(root, path));
        return file.StartsWith(root, StringComparison.Ordinal) ? (file, type) : (null, null);
    }

    /// <summary>
    /// The response for <paramref name="path"/> in <paramref name="folder"/>, sent from one open handle of the file, its
    /// length too: a playlist is renamed over with every segment and a segment deleted once out of the window, so a length
    /// taken from one file and bytes read from the next (a cut playlist, a response shorter than it said) would reach
    /// players. The handle lets the writer rename over it or delete it meanwhile (Windows too). A playlist is kept by no
    /// cache (its time stamp is a second coarse: no Last-Modified); byte ranges are served. Not there, a folder of that
    /// name, or being deleted (Windows refuses the open as access denied, as Linux refuses a folder): not found.
    /// </summary>
    public static IResult Serve(string folder, string path, HttpResponse response)
    {
        if (Resolve(folder, path) is not ({ } file, { } type))
            return Results.NotFound();
        FileStream stream;
        try
        {
            stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return Results.NotFound();
        }
        if (type != Playlist)
            return Results.Stream(stream, type, lastModified: File.GetLastWriteTimeUtc(stream.SafeFileHandle), enableRangeProcessing: true);
        response.Headers.CacheControl = "no-cache";
        return Results.Stream(stream, type, enableRangeProcessing: true);
    }
}
