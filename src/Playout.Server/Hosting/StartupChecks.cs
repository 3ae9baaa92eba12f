using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Playout.Engine;
using Playout.Engine.Alarms;

namespace Playout.Server.Hosting;

/// <summary>
/// What is checked before any channel goes on air, so that a service that cannot run stops with one line naming the
/// setting to change instead of going on air and failing half-way: the folders it writes, the files its outputs write,
/// the card drivers its channels name, the alarm journal, and (with <see cref="Listening"/>) the HTTP address it listens on.
/// </summary>
public static class StartupChecks
{
    /// <exception cref="ConfigException">A folder or a card driver cannot be used.</exception>
    public static void BeforeAir(ServiceConfig config, string configPath)
    {
        Writable(config.StatePath, "state", configPath);
        Writable(config.LogsPath, "logs", configPath);
        string media = Path.GetFullPath(Path.Combine(config.BaseDirectory, config.Media));
        if (config.DemoMedia)
            Writable(media, "media", configPath);
        else if (!Directory.Exists(media))
            throw new ConfigException($"media folder {media} does not exist; change \"media\" in {configPath}");
        foreach (var (channel, i) in config.Channels.Select((c, i) => (c, i)))
        {
            foreach (var (output, j) in channel.Outputs.Select((o, j) => (o, j)))
            {
                if (output is { Type: OutputKind.Stream, Url: { } url } && !MediaUrl.IsNetwork(url))
                    Writable(Path.GetDirectoryName(config.FilePath(url))!, $"channels[{i}].outputs[{j}].url", configPath);
                if (output.Sdp is { } sdp)
                    Writable(Path.GetDirectoryName(config.FilePath(sdp))!, $"channels[{i}].outputs[{j}].sdp", configPath);
            }
            if (channel.Card is { } card)
                Installed(card.Driver, $"channels[{i}].card.driver", configPath);
        }
    }

    private static void Installed(string driver, string setting, string configPath)
    {
        try
        {
            DriverCatalog.Find(driver);
        }
        catch (ConfigException e)
        {
            throw new ConfigException($"{e.Message}; change \"{setting}\" in {configPath}");
        }
    }

    /// <summary>Opens the alarm journal, or stops before air naming it when it cannot be read or rewritten (a folder in its place, a damaged disk).</summary>
    /// <exception cref="ConfigException">The journal cannot be used.</exception>
    public static AlarmJournal OpenAlarmJournal(ServiceConfig config, string configPath, ILogger log)
    {
        try
        {
            return AlarmJournal.Open(config.AlarmsPath, log);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string path = Path.Combine(config.AlarmsPath, AlarmJournal.FileName);
            throw new ConfigException($"alarm journal {path} cannot be used ({e.Message}); move it away or change \"state\" in {configPath}");
        }
    }

    /// <summary>The error to stop with when the web host cannot listen on "http" (the port is taken, or not ours to take).</summary>
    public static ConfigException Listening(ServiceConfig config, string configPath, Exception error)
    {
        var socket = Causes(error).OfType<SocketException>().FirstOrDefault();
        string reason = socket?.SocketErrorCode switch
        {
            SocketError.AddressAlreadyInUse => "is in use (another playout?)",
            SocketError.AccessDenied => "may not be used by this user (a port below 1024?)",
            SocketError.AddressNotAvailable => "is not an address of this machine",
            _ => $"cannot be listened on ({socket?.Message ?? error.Message})",
        };
        return new ConfigException($"http {config.Http} {reason}; change \"http\" in {configPath}");
    }

    private static IEnumerable<Exception> Causes(Exception error)
    {
        for (var cause = error; cause is not null; cause = cause.InnerException)
            yield return cause;
    }

    private static void Writable(string folder, string setting, string configPath)
    {
        try
        {
            Directory.CreateDirectory(folder);
            string probe = Path.Combine(folder, $".playout-write-check-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{setting} folder {folder} is not writable ({e.Message}); change \"{setting}\" in {configPath}");
        }
    }
}
