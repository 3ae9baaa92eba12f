namespace Playout.Devices.Profiles;

/// <summary>
/// The settings a polled, profile-driven device shares (snmp-transmitter, serial-ascii): the profile file, the poll
/// interval, how long one try waits and how many tries follow the first. Each problem is an <see cref="ArgumentException"/> naming the setting.
/// </summary>
internal sealed record PollSettings(TimeSpan Poll, TimeSpan Timeout, int Retries)
{
    public static readonly string[] Names = ["profile", "pollMs", "timeoutMs", "retries"];

    public static PollSettings Parse(IReadOnlyDictionary<string, string> settings)
    {
        int poll = DriverSettings.WholeNumber(settings, "pollMs", 20, 600_000, 1000);
        int timeout = DriverSettings.WholeNumber(settings, "timeoutMs", 10, 60_000, Math.Min(poll, 1000));
        int retries = DriverSettings.WholeNumber(settings, "retries", 0, 10, 1);
        return new PollSettings(TimeSpan.FromMilliseconds(poll), TimeSpan.FromMilliseconds(timeout), retries);
    }

    /// <summary>The profile the <c>profile</c> setting names, read by <paramref name="load"/> (a relative path from the configuration's folder).</summary>
    public static T Profile<T>(IReadOnlyDictionary<string, string> settings, DeviceContext context, Func<string, T> load, string what)
    {
        string path = settings.GetValueOrDefault("profile") ?? throw new ArgumentException($"profile: missing ({what})");
        try
        {
            return load(context.PathOf(path));
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"profile: {error.Message}");
        }
    }
}
