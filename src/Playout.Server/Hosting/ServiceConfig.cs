using System.Text.Json;
using System.Text.Json.Serialization;
using Playout.Automation.Schedules;

namespace Playout.Server.Hosting;

/// <summary>The service's configuration file (configs/demo.json is the example); relative paths are relative to the file.</summary>
public sealed partial record ServiceConfig
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

    /// <summary>The station's name and time zone, for an operator's panel.</summary>
    public StationConfig Station { get; init; } = new();

    public AlarmsConfig Alarms { get; init; } = new();

    public Monitoring.SnmpConfig Snmp { get; init; } = new();

    public Amcp.AmcpConfig Amcp { get; init; } = new();

    /// <summary>The operator's web panel: language, keyboard shortcuts, take debounce.</summary>
    public PanelConfig Panel { get; init; } = new();

    public MediaLibraryConfig MediaLibrary { get; init; } = new();

    /// <summary>The limits of the scripts the API runs.</summary>
    public ScriptsConfig Scripts { get; init; } = new();

    public IReadOnlyList<DeviceConfig> Devices { get; init; } = [];

    /// <summary>Main/reserve pairs of snmp-transmitter devices with automatic changeover (docs/DEVICES.md).</summary>
    public IReadOnlyList<TransmitterPairConfig> TransmitterPairs { get; init; } = [];

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

    /// <summary>Where the alarm journal is kept.</summary>
    public string AlarmsPath => Path.Combine(StatePath, "alarms");

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

    /// <exception cref="ConfigException">The file is missing or invalid; the message lists every problem, each with the file, line and field.</exception>
    public static ServiceConfig Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read the configuration: {error.Message}");
        }
        var problems = new ConfigProblems(path);
        ConfigShape.Check(json, typeof(ServiceConfig), problems);
        problems.ThrowIfAny();
        ServiceConfig config;
        try
        {
            config = JsonSerializer.Deserialize<ServiceConfig>(json, Options)
                ?? throw new ConfigException($"{path}: the file holds no configuration (null)");
        }
        catch (JsonException error)
        {
            // The shape check has found what this could; what is left is reported without the serializer's type names.
            problems.Add(error.Path?.TrimStart('$', '.') ?? "", "cannot be read as this field's kind of value");
            throw problems.ToException();
        }
        config = config with { BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))! };
        config.Validate(problems);
        problems.ThrowIfAny();
        return config;
    }

    private void Validate(ConfigProblems problems)
    {
        if (Channels.Count == 0)
            problems.Add("channels", "at least one channel is needed");
        for (int i = 0; i < Channels.Count; i++)
            Channels[i].Validate($"channels[{i}]", problems);
        foreach (var name in Channels.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add("channels", $"two channels are named '{name}'");
        foreach (var name in Devices.GroupBy(d => d.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add("devices", $"two devices are named '{name}'");
        ApiConfig.ValidateHttp("http", Http, problems);
        Api.Validate("api", Http, problems);
        Alarms.Validate("alarms", problems);
        Station.Validate("station", problems);
        Snmp.Validate("snmp", problems);
        Amcp.Validate("amcp", problems);
        Panel.Validate("panel", problems);
        Scripts.Validate("scripts", problems);
        for (int i = 0; i < Devices.Count; i++)
            Devices[i].Validate($"devices[{i}]", this, problems);
        for (int i = 0; i < TransmitterPairs.Count; i++)
            TransmitterPairs[i].Validate($"transmitterPairs[{i}]", this, problems);
        foreach (var name in TransmitterPairs.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add("transmitterPairs", $"two transmitter pairs are named '{name}'");
        for (int i = 0; i < SourceProtocols.Count; i++)
        {
            if (!ProtocolName().IsMatch(SourceProtocols[i]))
                problems.Add($"sourceProtocols[{i}]", $"'{SourceProtocols[i]}' is not a protocol name (udp, rtp, srt, …)");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9+.-]*$")]
    private static partial System.Text.RegularExpressions.Regex ProtocolName();
}

/// <summary>A configuration file that cannot be used; the message says where and why.</summary>
public sealed class ConfigException(string message) : Exception(message);
