namespace Playout.Server.Hosting;

/// <summary>The station an operator's panel names, and the time zone its clocks show station time in.</summary>
public sealed record StationConfig
{
    public const int MaxNameLength = 100;

    public string Name { get; init; } = "Playout";

    /// <summary>An IANA time zone; null: the first channel's automation time zone, else UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The station's time zone as configured or defaulted (see <see cref="TimeZone"/>).</summary>
    public string ZoneName(ServiceConfig service) => TimeZone ?? service.Channels.FirstOrDefault()?.Automation?.TimeZone ?? "UTC";

    internal void Validate(string where, ConfigProblems problems)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > MaxNameLength || Name.Any(char.IsControl))
            problems.Add($"{where}.name", $"a name of 1 to {MaxNameLength} printable characters; got '{Name}'");
        if (TimeZone is { } zone && AutomationConfig.ZoneProblem(zone) is { } problem)
            problems.Add($"{where}.timeZone", problem);
    }
}
