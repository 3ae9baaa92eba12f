using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Playout.Server.Amcp;

/// <summary>
/// OSC status out (docs/AMCP.md "OSC"): a thread per channel waits for each tick's status and sends the channel's state
/// (<see cref="AmcpState"/>) as bundles addressed <c>/channel/N/…</c> to every target, as CasparCG does once a frame.
/// A target that cannot be reached costs a failed send, never the channel anything.
/// </summary>
public sealed class AmcpOsc : IDisposable
{
    private readonly AmcpChannels _channels;
    private readonly IReadOnlyList<IPEndPoint> _targets;
    private readonly ILogger _log;
    private readonly UdpClient _socket = new(AddressFamily.InterNetwork);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Thread> _threads = [];
    private ulong _timeTag;

    public AmcpOsc(AmcpChannels channels, IReadOnlyList<IPEndPoint> targets, ILogger log)
    {
        _channels = channels;
        _targets = targets;
        _log = log;
    }

    /// <summary>Starts sending each channel's state; the channels are on air.</summary>
    public void Start()
    {
        for (int i = 0; i < _channels.Running.Count; i++)
        {
            int number = i + 1;
            var thread = new Thread(() => Send(number)) { Name = $"AMCP OSC channel {number}", IsBackground = true };
            _threads.Add(thread);
            thread.Start();
        }
        _log.LogInformation("OSC status to {Targets}", string.Join(", ", _targets));
    }

    private void Send(int number)
    {
        string prefix = $"/channel/{number}/";
        string? failed = null;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                // Status waits for the channel's next tick, so this sends once a frame.
                var entries = _channels.State(number);
                foreach (var bundle in OscPacket.Bundles(prefix, entries, Interlocked.Increment(ref _timeTag)))
                {
                    foreach (var target in _targets)
                        _socket.Send(bundle, bundle.Length, target);
                }
                failed = null;
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                if (_stop.IsCancellationRequested)
                    return;
                if (failed != error.Message)
                    _log.LogWarning("OSC to {Targets} failed: {Error}", string.Join(", ", _targets), failed = error.Message);
                _stop.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var thread in _threads)
            thread.Join();
        _socket.Dispose();
        _stop.Dispose();
    }
}
