using Playout.Engine.Devices;
using Playout.Media.Formats;

namespace Playout.HwSim;

/// <summary>
/// The "hw-sim-remote" card driver: a simulated card running in its own process (`./playout hwsim`), reached over
/// a Unix domain socket. Setting: socket (default: the temp folder's playout-hwsim-0.sock, where `playout hwsim` listens by default).
/// </summary>
public sealed class RemoteCardDriver : ICardDriver
{
    public static string DefaultSocket => Path.Combine(Path.GetTempPath(), "playout-hwsim-0.sock");

    public string Name => "hw-sim-remote";

    public IVideoCard Open(VideoFormat format, IReadOnlyDictionary<string, string> settings)
    {
        foreach (var key in settings.Keys)
        {
            if (key != "socket")
                throw new ArgumentException($"hw-sim-remote: unknown setting '{key}'; known: socket");
        }
        return new RemoteCard(format, settings.TryGetValue("socket", out var socket) ? socket : DefaultSocket);
    }
}
