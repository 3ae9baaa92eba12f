using Playout.Devices.Serial;
using Playout.HwSim.Gpi;
using Playout.TestSupport;

namespace Playout.Devices.Tests.Serial;

/// <summary>
/// A serial line pulled while both ends had it open (socat killed): what was still being written is dropped and each
/// end closes at once. System.IO.Ports' own Dispose flushes first, and with the line gone it spun for ever (seen in CI
/// as a test run that never ended).
/// </summary>
public sealed class PulledLineTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task The_drivers_line_closes_at_once_after_a_write_to_a_pulled_line_timed_out()
    {
        using var pair = new SerialLinePair();
        var line = new SerialLine(pair.Host, 9600, new SerialLineDefaults(), _ => { });
        await Task.Delay(100);
        pair.Pull();
        await Task.Delay(100);
        Assert.Throws<IOException>(() => line.Write("PWR?"));
        await Task.Run(line.Dispose).WaitAsync(Bound);
    }

    [Fact]
    public async Task A_twin_writing_to_a_pulled_line_gives_up_and_closes_at_once()
    {
        using var pair = new SerialLinePair();
        var twin = new GpiBoxTwin(pair.Device);
        await Task.Delay(100);
        pair.Pull();
        await Task.Delay(100);
        await Task.Run(() => twin.SetInput(1, true)).WaitAsync(Bound);
        await Task.Run(twin.Dispose).WaitAsync(Bound);
    }
}
