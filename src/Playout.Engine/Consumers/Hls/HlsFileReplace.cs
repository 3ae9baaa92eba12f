namespace Playout.Engine.Consumers;

/// <summary>
/// Writes a file that players poll while it changes (a playlist): under a hidden temporary name beside it, then renamed
/// over it, so that a reader opens the old file or the new one, never one cut short or empty (a write in place truncates
/// first). HLS serving reads each file from one open handle, so a rename during a response does not mix the two.
/// </summary>
public static class HlsFileReplace
{
    public static void WriteText(string path, string text)
    {
        string temporary = Path.Combine(Path.GetDirectoryName(path) ?? ".", $".{Path.GetFileName(path)}.tmp");
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            // A full disk or a refused rename leaves the old file as it was, and no part-written one beside it.
            if (File.Exists(temporary))
                File.Delete(temporary);
            throw;
        }
    }
}
