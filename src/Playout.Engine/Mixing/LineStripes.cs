using System.Runtime.ExceptionServices;

namespace Playout.Engine.Mixing;

/// <summary>
/// Runs a frame operation's line loop on two threads at once, the calling thread and a helper thread of its own, where frames
/// are big enough for one core to be the limit: an 8K full-frame key took about 12 ms of a 60 Hz frame's 16.7 on one core of
/// a 2-core Zen 4 host, and about 9 ms on two (bench/RESULTS.md, issue 15 fifth step). Smaller frames run on the caller alone:
/// waking a thread costs more than it saves there, and HD channels share the cores among themselves.
/// <list type="bullet">
/// <item>The lines are cut into <see cref="Chunks"/> bands that both threads take in turn until none is left, so a thread
/// the scheduler holds back (another channel's work, the card's interrupt) delays the frame by at most the band it holds,
/// not by half the frame: with fixed halves, an 8K tick's p99 on a 2-core Xeon guest was twice its median.</item>
/// <item>The helper starts at the first split run and, for a real-time channel, raises itself as the tick thread does (where
/// that is refused, the tick thread has already logged why).</item>
/// <item>A run allocates nothing.</item>
/// <item>A run returns only when both threads are done, so no thread is still writing a frame the caller hands on. A thread
/// whose band throws takes no more bands (the other finishes the frame's rest); the exception is rethrown then, the
/// caller's own first.</item>
/// </list>
/// </summary>
internal sealed class LineStripes : IDisposable
{
    /// <summary>Frames of this many bytes or more are split: 8K v210 is 88 MB, 2160p 22 MB.</summary>
    public const long SplitBytes = 32L << 20;

    /// <summary>Bands a run is cut into: 270 lines of 8K (5.5 MB of v210) each.</summary>
    public const int Chunks = 16;

    private readonly string _name;
    private readonly bool _split, _raised;
    private readonly SemaphoreSlim _start = new(0), _done = new(0);
    private Thread? _helper;
    private Action<int, int>? _job;
    private int _count, _band, _next;
    private Exception? _failure;
    private volatile bool _disposed;

    /// <param name="name">Names the helper thread (the channel's name).</param>
    /// <param name="split">Whether runs are split; see <see cref="Splits(long, int)"/>.</param>
    /// <param name="raised">Whether the helper takes the tick thread's raised priority (a real-time channel's).</param>
    public LineStripes(string name, bool split, bool raised = false)
    {
        _name = name;
        _split = split;
        _raised = raised;
    }

    /// <summary>Whether the helper thread has started and not yet ended.</summary>
    internal bool HelperRunning => _helper is { IsAlive: true };

    /// <summary>Whether frames of <paramref name="frameBytes"/> are worth splitting on a host with <paramref name="processors"/> cores.</summary>
    public static bool Splits(long frameBytes, int processors) => processors >= 2 && frameBytes >= SplitBytes;

    /// <summary>Runs <paramref name="lines"/> over lines [0, <paramref name="count"/>): (first, end) once, or once for each band.</summary>
    public void Run(Action<int, int> lines, int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_split || count < 2)
        {
            lines(0, count);
            return;
        }
        _helper ??= StartHelper();
        (_job, _count, _band) = (lines, count, (count + Chunks - 1) / Chunks);
        Volatile.Write(ref _next, 0);
        _start.Release();
        Exception? failure;
        try
        {
            TakeBands(lines);
        }
        finally
        {
            _done.Wait();
            _job = null;
            failure = _failure;
            _failure = null;
        }
        if (failure is not null)
            ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>Runs the run's next band until none is left.</summary>
    private void TakeBands(Action<int, int> lines)
    {
        for (int first = NextBand(); first < _count; first = NextBand())
            lines(first, Math.Min(_count, first + _band));
    }

    private int NextBand() => (Interlocked.Increment(ref _next) - 1) * _band;

    private Thread StartHelper()
    {
        var thread = new Thread(Help) { Name = $"{_name} stripes", IsBackground = true };
        thread.Start();
        return thread;
    }

    private void Help()
    {
        if (_raised)
            Interop.ThreadScheduling.SetCurrentThread(ThreadPriority.Highest);
        while (true)
        {
            _start.Wait();
            if (_disposed)
                return;
            try
            {
                TakeBands(_job!);
            }
            catch (Exception e)
            {
                _failure = e;
            }
            _done.Release();
        }
    }

    /// <summary>Stops the helper; call it when no run is under way (the channel's tick has stopped).</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _start.Release();
        _helper?.Join();
        _start.Dispose();
        _done.Dispose();
    }
}
