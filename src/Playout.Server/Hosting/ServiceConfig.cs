using System.Text.Json;
using System.Text.Json.Serialization;
using Playout.Automation.Schedules;

namespace Playout.Server.Hosting;

/// <summary>The service's configuration file (configs/demo.json is the example); relative paths are relative to the file.</summary>
public sealed record ServiceConfig
{
    /// <summary>Where the status page and API listen; loopback by default.</summary>
    public string Http { get; init; } = "127.0.0.1:8080";

    /// <summary>The folder media file names are looked up in.</summary>
    public string Media { get; init; } = "media";

    /// <summary>The folder log files go to.</summary>
    public string Logs { get; init; } = "logs";

    /// <summary>Generate the demo media set into <see cref="Media"/> when it is missing.</summary>
    public bool DemoMedia { get; init; }

    /// <summary>The folder of what the service keeps between runs: saved schedules, as-run journals, the media catalogue.</summary>
    public string State { get; init; } = "state";

    public ApiConfig Api { get; init; } = new();

    public MediaLibraryConfig MediaLibrary { get; init; } = new();

    public IReadOnlyList<DeviceConfig> Devices { get; init; } = [];

    public required IReadOnlyList<ChannelConfig> Channels { get; init; }

    /// <summary>Folders besides <see cref="Media"/> and the library's folders that schedule sources may lie in.</summary>
    public IReadOnlyList<string> MediaRoots { get; init; } = [];

    /// <summary>The network protocols a schedule's stream URL may use; default udp, rtp, srt.</summary>
    public IReadOnlyList<string> SourceProtocols { get; init; } = Engine.MediaUrl.DefaultProtocols;

    /// <summary>The folder of the file it was loaded from.</summary>
    [JsonIgnore]
    public string BaseDirectory { get; init; } = ".";

    /// <summary>Where schedule sources may come from: the media folder, the library's folders, <see cref="MediaRoots"/>; over <see cref="SourceProtocols"/>.</summary>
    [JsonIgnore]
    public SourceRules Sources => SourceRules.For(FilePath(Media), [.. MediaLibrary.Folders.Select(FilePath), .. MediaRoots.Select(FilePath)], SourceProtocols);

    public string MediaPath(string file) => Sources.Resolve(file);

    public string LogsPath => Path.GetFullPath(Path.Combine(BaseDirectory, Logs));

    public string StatePath => Path.GetFullPath(Path.Combine(BaseDirectory, State));

    /// <summary>The media catalogue: the library's database, or media.db in the state folder.</summary>
    public string CatalogPath => MediaLibrary.Database is { } database ? FilePath(database) : Path.Combine(StatePath, "media.db");

    /// <summary>A path the configuration names, relative to the configuration file.</summary>
    public string FilePath(string file) => Path.GetFullPath(Path.Combine(BaseDirectory, file));

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <exception cref="ConfigException">The file is missing or invalid; the message names the file, line and field.</exception>
    public static ServiceConfig Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (IOException error)
        {
            throw new ConfigException($"{path}: cannot read the configuration: {error.Message}");
        }
        try
        {
            var config = JsonSerializer.Deserialize<ServiceConfig>(json, Options)
                ?? throw new ConfigException($"{path}: the file holds no configuration (null)");
            config = config with { BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))! };
            config.Validate(path);
            return config;
        }
        catch (JsonException error)
        {
            var where = error.LineNumber is { } line ? $"line {line + 1}, " : "";
            throw new ConfigException($"{path}: {where}field '{error.Path}': {FirstSentence(error.Message)}");
        }
    }

    private void Validate(string path)
    {
        if (Channels.Count == 0)
            throw new ConfigException($"{path}: field 'channels': at least one channel is needed");
        for (int i = 0; i < Channels.Count; i++)
            Channels[i].Validate($"{path}: channels[{i}]");
        if (Channels.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != Channels.Count)
            throw new ConfigException($"{path}: field 'channels': two channels have the same name");
        Api.Validate($"{path}: api", Http);
        for (int i = 0; i < Devices.Count; i++)
            Devices[i].Validate($"{path}: devices[{i}]");
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}

/// <summary>A configuration file that cannot be used; the message says where and why.</summary>
public sealed class ConfigException(string message) : Exception(message);
