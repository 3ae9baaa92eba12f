using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace Playout.Engine.Alarms;

/// <summary>
/// The alarms' raises, clears and acknowledgements as an append-only file in the state folder (alarms.jsonl), each line
/// flushed to disk as it is written, so the list an operator saw (and who acknowledged what) survives a restart or a crash.
/// Opening reads it back, skipping (and logging) lines it cannot read, and rewrites it with just the alarms still listed,
/// so it does not grow without end.
/// </summary>
public sealed class AlarmJournal : IDisposable
{
    public const string FileName = "alarms.jsonl";

    private readonly Lock _gate = new();
    private readonly FileStream _file;

    private AlarmJournal(string path, IReadOnlyList<Alarm> listed, long lastId)
    {
        Path = path;
        Listed = listed;
        LastId = lastId;
        string fresh = path + ".new";
        using (var compacted = new FileStream(fresh, FileMode.Create, FileAccess.Write))
        {
            compacted.Write(Line(new AlarmRecord(null, null, lastId)));
            foreach (var alarm in listed)
                compacted.Write(Line(new AlarmRecord(alarm.ClearedAt is null ? AlarmEventKind.Raised : AlarmEventKind.Cleared, alarm, null)));
            compacted.Flush(flushToDisk: true);
        }
        File.Move(fresh, path, overwrite: true);
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    public string Path { get; }

    /// <summary>The alarms listed when the journal was last written (active, or cleared and not acknowledged).</summary>
    public IReadOnlyList<Alarm> Listed { get; }

    /// <summary>The highest alarm id ever given, so ids are never given twice.</summary>
    public long LastId { get; }

    /// <summary>Reads (or starts) the journal in <paramref name="folder"/>.</summary>
    public static AlarmJournal Open(string folder, ILogger log)
    {
        Directory.CreateDirectory(folder);
        string path = System.IO.Path.Combine(folder, FileName);
        var alarms = new Dictionary<long, Alarm>();
        long lastId = 0;
        if (File.Exists(path))
        {
            int number = 0;
            foreach (var line in File.ReadLines(path, Encoding.UTF8))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                try
                {
                    var record = JsonSerializer.Deserialize(line, AlarmJournalJson.Default.AlarmRecord) ?? throw new JsonException("null record");
                    lastId = Math.Max(lastId, record.LastId ?? record.Alarm?.Id ?? 0);
                    if (record.Alarm is { } alarm)
                        alarms[alarm.Id] = alarm;
                }
                catch (JsonException error)
                {
                    log.LogWarning("{Path}, line {Line}: not an alarm record, skipped: {Error}", path, number, error.Message);
                }
            }
        }
        var listed = alarms.Values.Where(a => a.ClearedAt is null || a.Ack is null).OrderBy(a => a.Id).ToList();
        return new AlarmJournal(path, listed, lastId);
    }

    /// <summary>Writes one change (an <see cref="AlarmBoard.Subscribe"/> observer).</summary>
    public void Record(AlarmEvent change)
    {
        var line = Line(new AlarmRecord(change.Kind, change.Alarm, null));
        lock (_gate)
        {
            _file.Write(line);
            _file.Flush(flushToDisk: true);
        }
    }

    public void Dispose()
    {
        lock (_gate)
            _file.Dispose();
    }

    private static byte[] Line(AlarmRecord record) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, AlarmJournalJson.Default.AlarmRecord) + "\n");
}

/// <summary>One line of the journal: a change of an alarm, or (first line) the highest id given so far.</summary>
public sealed record AlarmRecord(AlarmEventKind? Kind, Alarm? Alarm, long? LastId);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(AlarmEventKindJson), typeof(AlarmSeverityJson)])]
[JsonSerializable(typeof(AlarmRecord))]
internal sealed partial class AlarmJournalJson : JsonSerializerContext;

internal sealed class AlarmEventKindJson() : JsonStringEnumConverter<AlarmEventKind>(JsonNamingPolicy.CamelCase);
