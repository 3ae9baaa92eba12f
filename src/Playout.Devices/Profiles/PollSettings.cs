using System.Globalization;

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
        int poll = Whole(settings, "pollMs", 1000, 20, 600_000);
        int timeout = Whole(settings, "timeoutMs", Math.Min(poll, 1000), 10, 60_000);
        int retries = Whole(settings, "retries", 1, 0, 10);
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

    /// <summary>The setting <paramref name="name"/> as a whole number from <paramref name="min"/> to <paramref name="max"/>, or <paramref name="fallback"/> when not given.</summary>
    public static int Whole(IReadOnlyDictionary<string, string> settings, string name, int fallback, int min, int max)
    {
        if (!settings.TryGetValue(name, out string? text))
            return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name}: '{text}' is not a whole number from {min} to {max}");
    }
}
