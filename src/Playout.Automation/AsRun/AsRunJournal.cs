using System.Text;
using System.Text.Json;

namespace Playout.Automation.AsRun;

/// <summary>
/// A channel's as-run log as an append-only journal: one file per broadcast day (folder/yyyy-MM-dd.jsonl), one JSON
/// line per completed entry, each written in a single append and flushed to disk before <see cref="Append"/>
/// returns. A crash (even kill -9) therefore loses no entry that was reported written; a line torn by a power cut
/// mid-write has no newline and is cut off when the journal is next opened, so the file never holds a corrupt line.
/// </summary>
public sealed class AsRunJournal : IDisposable
{
    private readonly string _folder;
    private readonly Lock _gate = new();
    private FileStream? _file;
    private DateOnly _fileDay;

    public AsRunJournal(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
    }

    public string Folder => _folder;

    /// <summary>Writes <paramref name="entry"/> to its day's file and flushes it to disk.</summary>
    public void Append(AsRunEntry entry)
    {
        byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, AsRunJson.Default.AsRunEntry) + "\n");
        lock (_gate)
        {
            if (_file is null || _fileDay != entry.Day)
                Open(entry.Day);
            _file!.Write(line);
            _file.Flush(flushToDisk: true);
        }
    }

    /// <summary>The entries of broadcast day <paramref name="day"/>, in the order written.</summary>
    /// <exception cref="InvalidDataException">A complete line of the journal is not an entry (names the file and line).</exception>
    public IReadOnlyList<AsRunEntry> Read(DateOnly day) => ReadFile(PathOf(day));

    /// <summary>The days that have a journal, oldest first.</summary>
    public IReadOnlyList<DateOnly> Days() =>
        [.. Directory.EnumerateFiles(_folder, "*.jsonl")
            .Select(f => DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(f), "yyyy-MM-dd", out var d) ? d : (DateOnly?)null)
            .OfType<DateOnly>().Order()];

    public static IReadOnlyList<AsRunEntry> ReadFile(string path)
    {
        if (!File.Exists(path))
            return [];
        var entries = new List<AsRunEntry>();
        var text = File.ReadAllText(path, Encoding.UTF8);
        int lineNumber = 0, start = 0;
        // Only newline-terminated lines are entries: a torn last line (crash mid-write) is not one.
        for (int end = text.IndexOf('\n'); end >= 0; start = end + 1, end = text.IndexOf('\n', start))
        {
            lineNumber++;
            var line = text.AsSpan(start, end - start);
            if (line.IsWhiteSpace())
                continue;
            try
            {
                entries.Add(JsonSerializer.Deserialize(line, AsRunJson.Default.AsRunEntry)
                    ?? throw new JsonException("null entry"));
            }
            catch (JsonException error)
            {
                throw new InvalidDataException($"{path}, line {lineNumber}: not an as-run entry: {error.Message}", error);
            }
        }
        return entries;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
        }
    }

    private string PathOf(DateOnly day) => Path.Combine(_folder, $"{day:yyyy-MM-dd}.jsonl");

    private void Open(DateOnly day)
    {
        _file?.Dispose();
        // Unbuffered: a write that fails (disk full) leaves nothing behind to fail again on the next flush or on close.
        _file = new FileStream(PathOf(day), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        CutTornTail(_file);
        _file.Seek(0, SeekOrigin.End);
        _fileDay = day;
    }

    /// <summary>Drops bytes after the last newline: a line a crash cut short, which would otherwise glue onto the next entry.</summary>
    private static void CutTornTail(FileStream file)
    {
        long length = file.Length, keep = length;
        var one = new byte[1];
        while (keep > 0)
        {
            file.Seek(keep - 1, SeekOrigin.Begin);
            file.ReadExactly(one);
            if (one[0] == (byte)'\n')
                break;
            keep--;
        }
        if (keep != length)
            file.SetLength(keep);
    }
}
