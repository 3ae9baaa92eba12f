using System.Globalization;
using System.Text;
using System.Text.Json;
using Playout.Automation.Schedules;
using Playout.Media.Scte35;

namespace Playout.Automation.Imports;

/// <summary>
/// Writes a schedule in the native JSON schema of docs/SCHEDULE-FORMAT.md (<c>{"days": [...]}</c>), so what a script
/// made can be read back by <c>ScheduleImporter</c>. Fields at their default are left out. The channel template
/// (<see cref="ChannelSchedule.Template"/>) has no place in the schema and is not written.
/// </summary>
public static class NativeScheduleWriter
{
    public static string Write(ChannelSchedule schedule)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("days");
            foreach (var day in schedule.Days.Values)
                Day(json, day);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>One day as the schema's root (<c>{"date": ..., "events": [...]}</c>): what the REST API answers for a day, each event a valid event body.</summary>
    public static string WriteDay(DaySchedule day)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            Day(json, day);
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Day(Utf8JsonWriter json, DaySchedule day)
    {
        json.WriteStartObject();
        json.WriteString("date", day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Events(json, "events", day.Events);
        json.WriteEndObject();
    }

    private static void Events(Utf8JsonWriter json, string name, IReadOnlyList<PrimaryEvent> events)
    {
        json.WriteStartArray(name);
        foreach (var e in events)
        {
            json.WriteStartObject();
            json.WriteString("id", e.Id);
            json.WriteString("kind", Name(e.Kind));
            Text(json, "source", e.Source);
            Text(json, "title", e.Title);
            json.WriteString("timing", Name(e.Timing));
            Time(json, "start", e.Start);
            Time(json, "duration", e.Duration);
            Time(json, "in", e.In);
            Time(json, "out", e.Out);
            if (e.Loop)
                json.WriteBoolean("loop", true);
            Time(json, "mix", e.Mix);
            if (e.Blocks.Count > 0)
                Events(json, "children", e.Blocks);
            if (e.SecondaryEvents.Count > 0)
            {
                json.WriteStartArray("secondaries");
                foreach (var s in e.SecondaryEvents)
                    Secondary(json, s);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Secondary(Utf8JsonWriter json, SecondaryEvent s)
    {
        json.WriteStartObject();
        json.WriteString("kind", Name(s.Kind));
        if (s.Anchor != EventAnchor.Start)
            json.WriteString("anchor", Name(s.Anchor));
        if (s.Offset != TimeSpan.Zero)
            Time(json, "offset", s.Offset);
        if (s.Layer is int layer)
            json.WriteNumber("layer", layer);
        Text(json, "source", s.Source);
        if (s.LevelDb is double level)
            json.WriteNumber("level", level);
        if (s.Frames != 0)
            json.WriteNumber("frames", s.Frames);
        if (s.Scte35 is { } cue)
        {
            json.WriteStartObject("scte35");
            json.WriteNumber("eventId", cue.EventId);
            json.WriteBoolean("out", cue.OutOfNetwork);
            Time(json, "duration", cue.BreakDuration);
            json.WriteBoolean("autoReturn", cue.AutoReturn);
            json.WriteBoolean("timeSignal", cue.TimeSignal);
            json.WriteNumber("uniqueProgramId", cue.UniqueProgramId);
            json.WriteNumber("availNum", cue.AvailNum);
            json.WriteNumber("availsExpected", cue.AvailsExpected);
            if (cue.Segmentation is { } segmentation)
                Segmentation(json, segmentation);
            json.WriteEndObject();
        }
        Text(json, "device", s.Device);
        Text(json, "command", s.Command);
        if (s.Arguments is { Count: > 0 } arguments)
        {
            json.WriteStartObject("args");
            foreach (var (key, value) in arguments)
                json.WriteString(key, value);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void Segmentation(Utf8JsonWriter json, Scte35Segmentation s)
    {
        json.WriteStartObject("segmentation");
        json.WriteString("type", SegmentationTypes.Name(s.TypeId) ?? $"0x{s.TypeId:X2}");
        if (s.EventId is uint eventId)
            json.WriteNumber("eventId", eventId);
        Time(json, "duration", s.Duration);
        if (s.Upid is not null)
        {
            json.WriteString("upidType", $"0x{s.UpidType:X2}");
            json.WriteString("upid", s.Upid);
        }
        json.WriteNumber("segmentNum", s.SegmentNum);
        json.WriteNumber("segmentsExpected", s.SegmentsExpected);
        if (SegmentationDescriptor.HasSubSegments(s.TypeId))
        {
            json.WriteNumber("subSegmentNum", s.SubSegmentNum);
            json.WriteNumber("subSegmentsExpected", s.SubSegmentsExpected);
        }
        json.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
            json.WriteString(name, value);
    }

    /// <summary>A time as the schema reads it: [-]HH:MM:SS with a fraction only when there is one (hours may pass 24).</summary>
    private static void Time(Utf8JsonWriter json, string name, TimeSpan? value)
    {
        if (value is not { } time)
            return;
        var t = time.Duration();
        long fraction = t.Ticks % TimeSpan.TicksPerSecond;
        string text = string.Create(CultureInfo.InvariantCulture, $"{(time < TimeSpan.Zero ? "-" : "")}{(long)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}")
            + (fraction == 0 ? "" : "." + fraction.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0'));
        json.WriteString(name, text);
    }

    /// <summary>An enum value as the schema names it: "Clip" → "clip", "LogoOn" → "logo-on".</summary>
    internal static string Name<T>(T value) where T : struct, Enum
    {
        string name = value.ToString();
        var kebab = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
                kebab.Append('-');
            kebab.Append(char.ToLowerInvariant(name[i]));
        }
        return kebab.ToString();
    }
}
