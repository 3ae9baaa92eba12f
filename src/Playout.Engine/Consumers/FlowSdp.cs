using Microsoft.Extensions.Logging;
using Playout.Engine.Channels;

namespace Playout.Engine.Consumers;

/// <summary>
/// An ST 2110 flow's session description as it stands. Its <c>ts-refclk</c> names what the channel's clock follows, which
/// changes as PTP locks to a grandmaster, moves to another or loses lock: the description is made again then, served at
/// once and written to its file within <see cref="Interval"/>, so a receiver given it checks the right reference.
/// </summary>
public sealed class FlowSdp : IDisposable
{
    /// <summary>How often the clock's reference is looked at (a receiver reads the file when it takes the flow, not per frame).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly ChannelContext _channel;
    private readonly string? _path;
    private readonly Func<string, string> _render;
    private readonly Lock _lock = new();
    private string _reference;
    private string _text;
    private Timer? _timer;

    /// <summary>Makes the description for the clock's reference now and writes it to <paramref name="path"/> (none when null).</summary>
    /// <param name="render">The description for a reference clock ("local", "ptp=IEEE1588-2008:…").</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public FlowSdp(ChannelContext channel, string? path, Func<string, string> render)
    {
        (_channel, _path, _render) = (channel, path, render);
        _reference = Reference();
        _text = render(_reference);
        if (path is not null)
            File.WriteAllText(path, _text);
    }

    /// <summary>The description, made again first if the clock's reference changed.</summary>
    public string Text
    {
        get
        {
            Refresh();
            lock (_lock)
                return _text;
        }
    }

    /// <summary>Starts following the clock (the flow's last step: a timer of its own until <see cref="Dispose"/>).</summary>
    public void Follow() => _timer = new Timer(_ => Refresh(), null, Interval, Interval);

    public void Dispose() => _timer?.Dispose();

    private string Reference() => _channel.Clock?.ReferenceClock ?? "local";

    private void Refresh()
    {
        string reference = Reference();
        lock (_lock)
        {
            if (reference == _reference)
                return;
            (_reference, _text) = (reference, _render(reference));
            if (_path is null)
                return;
            try
            {
                File.WriteAllText(_path, _text);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                _channel.Logger.LogWarning("{Channel}: {Path} not written again for the clock's new reference ({Reference}): {Reason}",
                    _channel.Name, _path, reference, error.Message);
                return;
            }
        }
        _channel.Logger.LogInformation("{Channel}: the flow's SDP now names {Reference} (ts-refclk)", _channel.Name, reference);
    }
}
