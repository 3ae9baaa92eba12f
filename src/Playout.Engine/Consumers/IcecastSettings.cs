namespace Playout.Engine.Consumers;

/// <summary>
/// An Icecast mount the programme's sound is sent to as a source client.
/// </summary>
/// <param name="Mount">The mount as listeners reach it: http://host:port/mount.</param>
/// <param name="Password">The source password the server takes for the mount (also authorises its title updates).</param>
/// <param name="Codec">mp3 (MPEG audio, audio/mpeg), aac (ADTS, audio/aac), or opus or vorbis (Ogg, audio/ogg).</param>
/// <param name="StationName">The stream's name, description and genre as directories and players show them (optional).</param>
public sealed record IcecastSettings(Uri Mount, string Password, string User = "source", string Codec = "mp3", long Bitrate = 128_000,
    int AudioChannels = 2, string? StationName = null, string? Description = null, string? Genre = null)
{
    /// <summary>The codecs an Icecast output takes: FFmpeg's encoder, the container, and the content type the server announces.</summary>
    public static IReadOnlyDictionary<string, (string Encoder, string Container, string ContentType)> Codecs { get; } =
        new Dictionary<string, (string, string, string)>(StringComparer.Ordinal)
        {
            ["mp3"] = ("libmp3lame", "mp3", "audio/mpeg"),
            ["aac"] = ("aac", "adts", "audio/aac"),
            ["opus"] = ("libopus", "ogg", "audio/ogg"),
            ["vorbis"] = ("libvorbis", "ogg", "audio/ogg"),
        };

    /// <summary>Whether the server takes title updates for the stream (Icecast does not for Ogg, whose titles travel in the stream).</summary>
    public bool TakesTitles => Codecs[Codec].Container != "ogg";

    /// <summary>The problem with these settings for <paramref name="field"/>-located errors, or null.</summary>
    public (string Field, string Problem)? Problem()
    {
        if (Mount.Scheme != Uri.UriSchemeHttp || Mount.AbsolutePath.Length < 2 || !string.IsNullOrEmpty(Mount.Query) || !string.IsNullOrEmpty(Mount.UserInfo))
            return ("url", $"{Mount}: an Icecast mount is http://host:port/mount, without a query or credentials (the password has a field of its own)");
        if (string.IsNullOrEmpty(Password))
            return ("password", "an Icecast source needs the mount's source password");
        if (!Codecs.ContainsKey(Codec))
            return ("audio", $"'{Codec}': an Icecast output sends {string.Join(", ", Codecs.Keys)}");
        if (AudioChannels is < 1 or > 2)
            return ("audioChannels", $"{AudioChannels}: an Icecast stream is mono or stereo (1 or 2)");
        if (Bitrate is < 8_000 or > 512_000)
            return ("audioBitrate", $"{Bitrate}: 8000 to 512000 bits a second");
        return null;
    }
}
