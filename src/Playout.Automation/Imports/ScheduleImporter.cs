using System.Text;

namespace Playout.Automation.Imports;

/// <summary>
/// The one way into the schedule from a file: picks the format by extension (.yaml/.yml, .json, .csv, .xml/.bxf),
/// reads every day, and runs the model checks. All-or-nothing: any error and the result holds no day.
/// </summary>
public static class ScheduleImporter
{
    public static IReadOnlyList<string> Extensions { get; } = [".yaml", ".yml", ".json", ".csv", ".xml", ".bxf"];

    /// <summary>Imports the file at <paramref name="path"/>; a file that cannot be read is an error result, not an exception.</summary>
    public static ScheduleImportResult Load(string path, ScheduleImportOptions options)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, $"cannot read the file: {e.Message}");
        }
        return Import(path, text, options);
    }

    /// <summary>Imports <paramref name="text"/> (an upload, say); <paramref name="fileName"/> picks the format and names the file in errors.</summary>
    public static ScheduleImportResult Import(string fileName, string text, ScheduleImportOptions options)
    {
        var problems = new ImportProblems(fileName, options.MaxErrors);
        var mapper = new EventMapper(problems, options.FrameRate);
        ImportedDays? days = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".yaml" or ".yml" => YamlTreeReader.Read(text, problems) is { } root ? NativeScheduleReader.Read(root, mapper, problems) : null,
            ".json" => JsonTreeReader.Read(text, problems) is { } root ? NativeScheduleReader.Read(root, mapper, problems) : null,
            ".csv" => CsvScheduleReader.Read(text, mapper, problems),
            ".xml" or ".bxf" => BxfScheduleReader.Read(text, mapper, problems),
            var other => Unknown(other, problems),
        };
        if (days is not null)
            ImportValidation.Check(days, options.Devices, options.Sources, problems);
        bool ok = problems.ErrorCount == 0 && days is not null;
        return new ScheduleImportResult(fileName, ok ? days!.Days.Select(d => d.ToSchedule()).ToList() : [],
            problems.Errors, problems.Warnings, problems.Truncated);
    }

    /// <summary>
    /// Reads one event written in JSON (a REST body) with the files' schema: the same field names, time syntax, located
    /// errors and validator checks as an event in a YAML or JSON schedule file.
    /// </summary>
    /// <param name="name">Names the text in errors ("event body").</param>
    public static EventImportResult ImportEvent(string name, string json, ScheduleImportOptions options)
    {
        var problems = new ImportProblems(name, options.MaxErrors);
        var imported = JsonTreeReader.Read(json, problems) is { } root ? new EventMapper(problems, options.FrameRate).Map(root) : null;
        if (imported is not null)
            ImportValidation.Check(imported, options.Devices, options.Sources, problems);
        return new EventImportResult(problems.ErrorCount == 0 ? imported?.Event : null, problems.Errors);
    }

    private static ImportedDays? Unknown(string extension, ImportProblems problems)
    {
        problems.Error(SourceSpot.WholeFile,
            $"{(extension.Length == 0 ? "no extension" : $"extension {extension}")} names no schedule format; expected one of {string.Join(", ", Extensions)}");
        return null;
    }

    private static ScheduleImportResult Failed(string fileName, string message) =>
        new(fileName, [], [new ImportError(fileName, message)], [], false);
}
