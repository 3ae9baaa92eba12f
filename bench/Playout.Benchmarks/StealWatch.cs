using System.Globalization;

namespace Playout.Benchmarks;

/// <summary>
/// Watches, every 100 ms, the time the hypervisor gave to other guests while this one's CPUs wanted to run (the steal column
/// of /proc/stat, Linux) and a count of late ticks, so a density run can tell a late tick that came with stolen time from one
/// that did not: on a shared host the former is the neighbours', the latter ours.
/// </summary>
internal sealed class StealWatch : IDisposable
{
    private const int WindowMs = 100;

    /// <summary>
    /// Stolen time in a window (or the one before it, as the clock counts a tick late only once it runs) that counts a late tick
    /// there as the host's: /proc/stat counts in 10 ms ticks, so this is any stolen time at all.
    /// </summary>
    private const double StolenMs = 5;

    private readonly Func<long> _lateTicks;
    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(double StolenMs, long Late)> _windows = [];

    public StealWatch(Func<long> lateTicks)
    {
        _lateTicks = lateTicks;
        _thread = new Thread(Watch) { Name = "steal watch", IsBackground = true };
        _thread.Start();
    }

    /// <summary>Whether the system reports stolen time (a Linux guest).</summary>
    public static bool IsSupported => Steal() is not null;

    private void Watch()
    {
        double stolen = Steal() ?? 0;
        long late = _lateTicks();
        while (!_stop.Token.WaitHandle.WaitOne(WindowMs))
        {
            double nowStolen = Steal() ?? stolen;
            long nowLate = _lateTicks();
            lock (_windows)
                _windows.Add((nowStolen - stolen, nowLate - late));
            (stolen, late) = (nowStolen, nowLate);
        }
    }

    public override string ToString()
    {
        lock (_windows)
        {
            double total = _windows.Sum(w => w.StolenMs), most = _windows.Count == 0 ? 0 : _windows.Max(w => w.StolenMs);
            long late = _windows.Sum(w => w.Late);
            long withSteal = _windows.Select((w, i) => w.Late > 0 && (w.StolenMs >= StolenMs || i > 0 && _windows[i - 1].StolenMs >= StolenMs) ? w.Late : 0).Sum();
            return $"host steal: {total:0} ms in all, at most {most:0} ms in {WindowMs} ms; late ticks beside {StolenMs:0} ms or more stolen: {withSteal} of {late}";
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }

    /// <summary>Milliseconds stolen from all CPUs since boot (USER_HZ ticks of 10 ms), or null where /proc/stat has no steal column.</summary>
    private static double? Steal()
    {
        try
        {
            using var reader = new StreamReader("/proc/stat");
            string[] fields = (reader.ReadLine() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > 8 && fields[0] == "cpu" ? long.Parse(fields[8], CultureInfo.InvariantCulture) * 10.0 : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
