using System.Text.RegularExpressions;
using System.Threading.Channels;
using Playout.Devices.Profiles;

namespace Playout.Devices.Serial;

/// <summary>
/// Requests on a serial line, one on the wire at a time (a reply says not which request it answers): each is written,
/// then lines are read until one matches its reply (or its error reply) within the timeout, with the retries. A line that
/// is not the reply, and one that came unasked (a late reply to an earlier request), is passed over and reported saying
/// what was asked and what came back.
/// </summary>
internal sealed class SerialExchange(PollSettings polling, Action<string> problem)
{
    private readonly SemaphoreSlim _wire = new(1, 1);

    /// <summary>The line open now, or null while there is none.</summary>
    public SerialLine? Line { get => Volatile.Read(ref field); set => Volatile.Write(ref field, value); }

    /// <summary>The longest one request may take, every try included.</summary>
    public TimeSpan Longest => polling.Timeout * (polling.Retries + 1);

    /// <summary>
    /// The match of <paramref name="reply"/> in the device's answer to <paramref name="request"/>, sent once the request
    /// on the wire is done (waiting <paramref name="wait"/> at most for it; null: as long as it takes, which is bounded by its own timeouts).
    /// </summary>
    /// <exception cref="SerialLinkException">No line, a line that failed, or no reply within the timeout after every try.</exception>
    /// <exception cref="SerialRefusedException">The device answered with <paramref name="error"/>.</exception>
    /// <exception cref="TimeoutException">The wire was busy for all of <paramref name="wait"/>.</exception>
    public async Task<Match> AskAsync(string request, Regex reply, Regex? error, TimeSpan? wait, CancellationToken cancel)
    {
        if (!await _wire.WaitAsync(wait ?? Timeout.InfiniteTimeSpan, cancel).ConfigureAwait(false))
            throw new TimeoutException($"the line was busy for {wait!.Value.TotalMilliseconds:0} ms: '{request}' not sent");
        try
        {
            var line = Line ?? throw new SerialLinkException("no link");
            for (int attempt = 0; attempt <= polling.Retries; attempt++)
            {
                while (line.Lines.TryRead(out string? stale))
                    problem($"'{SerialLineReader.Shown(stale)}' came unasked (before '{request}'), passed over");
                try
                {
                    line.Write(request);
                }
                catch (IOException failure)
                {
                    throw new SerialLinkException($"writing '{request}' failed: {failure.Message}");
                }
                if (await ReplyTo(line, request, reply, error, cancel).ConfigureAwait(false) is { } match)
                    return match;
            }
            throw new SerialLinkException($"no answer to '{request}' within {polling.Timeout.TotalMilliseconds:0} ms ({polling.Retries + 1} {(polling.Retries == 0 ? "try" : "tries")})");
        }
        finally
        {
            _wire.Release();
        }
    }

    /// <summary>The reply's match, or null when none came within the timeout.</summary>
    private async Task<Match?> ReplyTo(SerialLine line, string request, Regex reply, Regex? error, CancellationToken cancel)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timer.CancelAfter(polling.Timeout);
        while (true)
        {
            string text;
            try
            {
                text = await line.Lines.ReadAsync(timer.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                return null;
            }
            catch (ChannelClosedException closed)
            {
                throw new SerialLinkException(closed.InnerException?.Message ?? "the line closed");
            }
            if (Matches(reply, text, request) is { } match)
                return match;
            if (error is not null && Matches(error, text, request) is { } refused)
                throw new SerialRefusedException(refused.Groups["reason"] is { Success: true } reason ? reason.Value : text);
            problem($"asked '{request}', got '{SerialLineReader.Shown(text)}': not its reply, passed over");
        }
    }

    /// <summary>The match of <paramref name="pattern"/> in <paramref name="text"/>, or null; a pattern that runs past its time limit is no match.</summary>
    private Match? Matches(Regex pattern, string text, string request)
    {
        try
        {
            var match = pattern.Match(text);
            return match.Success ? match : null;
        }
        catch (RegexMatchTimeoutException)
        {
            problem($"asked '{request}', got '{SerialLineReader.Shown(text)}': pattern '{pattern}' took too long, taken as no match");
            return null;
        }
    }
}
