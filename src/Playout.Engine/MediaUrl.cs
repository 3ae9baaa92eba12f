namespace Playout.Engine;

/// <summary>Tells a network address (udp://, srt://, …) from a file path, where the two are handled differently.</summary>
public static class MediaUrl
{
    public static bool IsNetwork(string url) => url.Contains("://", StringComparison.Ordinal);
}
