namespace Playout.Automation.Library;

/// <summary>The size and last write time (UTC) of a file: when either differs from the catalogue's, the file is probed again.</summary>
internal readonly record struct FileStamp(long Size, DateTime Modified)
{
    public static FileStamp Of(FileInfo file) => new(file.Length, file.LastWriteTimeUtc);
}
