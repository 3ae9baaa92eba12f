using System.Security.Cryptography;
using System.Text.Json;

namespace Playout.Server.Hosting;

/// <summary>
/// The local engineer token: made on the service's first start in STATE/api-token, readable only by its owner (0600),
/// so that whoever runs the service on this machine (and its CLI) may change things while a web page may not.
/// </summary>
public static class LocalToken
{
    public const string Name = "local";
    public const string FileName = "api-token";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The token in <paramref name="statePath"/> (made readable by its owner only), made there first when it has none.</summary>
    public static string Ensure(string statePath)
    {
        string path = Path.Combine(statePath, FileName);
        if (Read(statePath) is { } token)
        {
            if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) != OwnerOnly)
                File.SetUnixFileMode(path, OwnerOnly);
            return token;
        }
        Directory.CreateDirectory(statePath);
        token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        File.Delete(path); // an empty one, or one this user cannot read, is replaced
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnly;
        using (var file = new FileStream(path, options))
        using (var writer = new StreamWriter(file))
            writer.WriteLine(token);
        return token;
    }

    /// <summary>The token in <paramref name="statePath"/>; null when there is none (or it cannot be read by this user).</summary>
    public static string? Read(string statePath)
    {
        try
        {
            return File.ReadAllText(Path.Combine(statePath, FileName)).Trim() is { Length: > 0 } token ? token : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The state folder the configuration at <paramref name="configPath"/> names (its "state", relative to the file), read
    /// without checking the rest of the file; null when there is no such file or it is not JSON.
    /// </summary>
    public static string? StateFolderOf(string configPath)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(configPath),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            string state = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("state", out var named)
                && named.ValueKind == JsonValueKind.String ? named.GetString()! : new ServiceConfig { Channels = [] }.State;
            return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, state));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
