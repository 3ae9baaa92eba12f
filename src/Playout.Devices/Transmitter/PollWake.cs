namespace Playout.Devices.Transmitter;

/// <summary>
/// The wait between polls, which a trap can cut short: <see cref="Wake"/> ends the current wait, or the next one at once
/// when it comes while a poll is under way (so a trap is never lost between two waits).
/// </summary>
internal sealed class PollWake(TimeProvider time)
{
    private readonly Lock _gate = new();
    private bool _woken;
    private CancellationTokenSource? _waiting;

    public void Wake()
    {
        lock (_gate)
        {
            _woken = true;
            _waiting?.Cancel();
        }
    }

    /// <summary>Waits <paramref name="delay"/> or until woken; throws only when <paramref name="stop"/> is cancelled.</summary>
    public async Task WaitAsync(TimeSpan delay, CancellationToken stop)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stop);
        lock (_gate)
        {
            if (_woken)
            {
                _woken = false;
                return;
            }
            _waiting = waiting;
        }
        try
        {
            await Task.Delay(delay, time, waiting.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            // Woken by a trap.
        }
        finally
        {
            lock (_gate)
            {
                _waiting = null;
                _woken = false;
            }
        }
    }
}
