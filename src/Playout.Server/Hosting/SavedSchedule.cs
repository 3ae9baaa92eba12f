using System.Text.Json;
using Playout.Automation.Schedules;

namespace Playout.Server.Hosting;

/// <summary>
/// A channel's schedule as the service keeps it between runs (state/schedules/CHANNEL.json): written after every
/// accepted edit, to a temporary file renamed over the old one, so a crash leaves the old or the new schedule, never half.
/// The version is kept with it, so the schedule's version only grows across restarts (a file saved before it was kept reads as 0).
/// </summary>
public sealed record SavedSchedule(IReadOnlyList<DaySchedule> Days, IReadOnlyList<PrimaryEvent>? Template, long Version = 0)
{
    public static void Save(string path, ChannelSchedule schedule)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            JsonSerializer.Serialize(file, new SavedSchedule([.. schedule.Days.Values], schedule.Template, schedule.Version), ScheduleJson.Options);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The saved schedule, or null when there is none.</summary>
    /// <exception cref="ConfigException">The file is there but unreadable.</exception>
    public static ChannelSchedule? Load(string path)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            var saved = JsonSerializer.Deserialize<SavedSchedule>(File.ReadAllText(path), ScheduleJson.Options)
                ?? throw new JsonException("the file holds null");
            return ChannelSchedule.Empty.With(saved.Days).WithTemplate(saved.Template).Resumed(saved.Version);
        }
        catch (JsonException error)
        {
            throw new ConfigException($"{path}: the saved schedule cannot be read ({error.Message}); move it away to start from the configured schedule");
        }
    }
}
