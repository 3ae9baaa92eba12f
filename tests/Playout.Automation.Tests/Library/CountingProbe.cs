using System.Collections.Concurrent;
using Playout.Engine.Library;

namespace Playout.Automation.Tests.Library;

/// <summary>The real probe, counting which files it was asked about.</summary>
internal sealed class CountingProbe
{
    private readonly ConcurrentQueue<string> _probed = new();

    public IReadOnlyList<string> Probed => _probed.ToArray();

    public MediaProbeResult Probe(string path)
    {
        _probed.Enqueue(path);
        return MediaProbe.Probe(path);
    }

    public void Clear() => _probed.Clear();
}
