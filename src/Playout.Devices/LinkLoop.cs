namespace Playout.Devices;

/// <summary>
/// The loop of a device whose link is a session on a thread of its own (a serial line, a GPIO chip): the session runs until
/// it fails, the link is lost with why, and it is opened again after 0.5 s, doubling to 5 s, until the device stops.
/// </summary>
internal static class LinkLoop
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500), LastRetry = TimeSpan.FromSeconds(5);

    /// <param name="session">Opens the link and keeps it until it fails (throws) or the device stops (returns).</param>
    /// <param name="isLinkError">Whether an exception of the session is the link failing (anything else is a bug, and ends the loop).</param>
    /// <param name="lost">Closes what the session opened and records the loss, with its exception.</param>
    public static void Run(CancellationToken stop, Action session, Func<Exception, bool> isLinkError, Action<Exception> lost)
    {
        var retry = FirstRetry;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                session();
                retry = FirstRetry;
            }
            catch (Exception error) when (isLinkError(error))
            {
                lost(error);
                stop.WaitHandle.WaitOne(retry);
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
            }
        }
    }
}
