namespace Playout.Server.Tests.Service;

/// <summary>
/// What a service has logged: all its daily files (`playout-YYYYMMDD.log`) in order, read while it may still write them. A
/// test that runs across midnight finds two.
/// </summary>
public static class ServiceLog
{
    public static string Read(string logsFolder) => string.Concat(Directory.GetFiles(logsFolder, "playout-*.log").Order().Select(file =>
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }));
}
