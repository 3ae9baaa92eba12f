using System.Globalization;

namespace Playout.Devices.Videohub;

/// <summary>The blocks a client sends, with 0-based wire indexes (the driver's 1-based outputs and inputs less one).</summary>
public static class VideohubWriter
{
    public const string Ping = "PING:\n\n";

    public static string Route(int output, int input) => string.Create(CultureInfo.InvariantCulture, $"VIDEO OUTPUT ROUTING:\n{output} {input}\n\n");

    /// <summary>A lock request: <c>O</c> takes the lock, <c>U</c> releases it.</summary>
    public static string Lock(int output, char state) => string.Create(CultureInfo.InvariantCulture, $"VIDEO OUTPUT LOCKS:\n{output} {state}\n\n");
}
