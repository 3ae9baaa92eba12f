using System.Diagnostics;
using Playout.Devices.Videohub;
using Playout.HwSim.Videohub;
using static Playout.Devices.Tests.Videohub.VideohubHarness;

namespace Playout.Devices.Tests.Videohub;

/// <summary>The videohub driver against the router twin: prelude, routes and locks with ACK/NAK, timeouts, lost links, reconnects and each quirk.</summary>
public class VideohubDeviceTests
{
    [Fact]
    public async Task It_reads_the_prelude_identity_counts_labels_routes_and_locks_with_outputs_and_inputs_one_based()
    {
        await using var twin = new VideohubTwin(inputs: 16, outputs: 8);
        twin.Start();
        twin.Route(2, 15);
        await using var harness = new VideohubHarness();
        var router = harness.Open("router", twin.Port);
        await Connected(router);

        var status = router.Status();
        Assert.Equal("Playout Videohub Twin (protocol 2.8)", status.Identity);
        Assert.Equal([("inputs", 16.0), ("outputs", 8.0)], status.Measurements.Select(m => (m.Name, m.Value)).Order());
        Assert.Equal(("Input 1", "Input 16", "Output 8"), (Actual(router, "input.1.label"), Actual(router, "input.16.label"), Actual(router, "output.8.label")));
        Assert.Equal(("16", "1", "unlocked", "false"), (Actual(router, "route.3"), Actual(router, "route.1"), Actual(router, "lock.8"), Actual(router, "take-mode")));
        Assert.Null(Setting(router, "route.9"));
        Assert.Empty(harness.Alarms.Active);
        // The commands' ranges follow the router once known.
        Assert.Equal(["output: 9 is out of range (1 to 8)", "input: 0 is out of range (1 to 16)"], router.Check("route", new Dictionary<string, string> { ["output"] = "9", ["input"] = "0" }));
    }

    [Fact]
    public async Task A_route_is_acked_set_on_the_wire_zero_based_and_echoed_to_every_client()
    {
        await using var twin = new VideohubTwin();
        twin.Start();
        await using var harness = new VideohubHarness();
        var router = harness.Open("router", twin.Port);
        var panel = harness.Open("panel", twin.Port);
        await Connected(router);
        await Connected(panel);

        await Send(router, "route", "output=3 input=5");

        Assert.Equal(4, twin.Routes()[2]);
        Assert.Equal(new DeviceSetting("route.3", "5", "5"), Setting(router, "route.3"));
        Assert.Contains(twin.Requests, r => r.EndsWith(" VIDEO OUTPUT ROUTING: 2 4", StringComparison.Ordinal));
        await Until(() => Actual(panel, "route.3") == "5", "the other client hears the route");
        var refused = await Assert.ThrowsAsync<DeviceCommandException>(() => Send(router, "route", "output=3 input=13"));
        Assert.Equal("input: 13 is out of range (1 to 12)", refused.Message);
    }

    [Fact]
    public async Task A_route_to_an_output_another_client_locked_is_naked_and_the_wish_withdrawn()
    {
        await using var twin = new VideohubTwin();
        twin.Start();
        await using var harness = new VideohubHarness();
        var owner = harness.Open("owner", twin.Port);
        var other = harness.Open("other", twin.Port);
        await Connected(owner);
        await Connected(other);

        await Send(owner, "lock", "output=2");
        await Until(() => Actual(other, "lock.2") == "other", "the lock seen by the other client");
        Assert.Equal("ours", Actual(owner, "lock.2"));

        var refused = await Assert.ThrowsAsync<DeviceCommandException>(() => Send(other, "route", "output=2 input=7"));
        Assert.Equal("other: the router answered NAK to route output=2 input=7", refused.Message);
        Assert.Equal(0, twin.Routes()[1]);
        Assert.Equal(new DeviceSetting("route.2", "1", "1"), Setting(other, "route.2"));
        await Send(owner, "route", "output=2 input=7");
        Assert.Equal(6, twin.Routes()[1]);
        await Send(owner, "unlock", "output=2");
        await Until(() => Actual(other, "lock.2") == "unlocked", "the lock released");
        await Send(other, "route", "output=2 input=8");
        Assert.Equal(7, twin.Routes()[1]);
    }

    [Fact]
    public async Task A_hung_router_fails_the_command_within_its_timeout_and_raises_the_alarm_while_another_router_answers()
    {
        await using var hung = new VideohubTwin();
        await using var good = new VideohubTwin();
        hung.Start();
        good.Start();
        await using var harness = new VideohubHarness();
        var stuck = harness.Open("stuck", hung.Port, timeout: "1");
        var fine = harness.Open("fine", good.Port, timeout: "1");
        await Connected(stuck);
        await Connected(fine);
        hung.SetFault(VideohubFault.Hang, true);

        var clock = Stopwatch.StartNew();
        var waiting = Send(stuck, "route", "output=1 input=2");
        await Send(fine, "route", "output=1 input=2");
        Assert.False(waiting.IsCompleted, $"the good router answered only after {clock.Elapsed}, once the hung one had failed");
        var failed = await Assert.ThrowsAsync<DeviceCommandException>(() => waiting);

        Assert.Equal("stuck: no answer to route output=1 input=2 within 1 s", failed.Message);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.95, 3);
        await Until(() => harness.Alarms.IsActive(stuck.ConnectionAlarm), "the hung router's alarm");
        Assert.False(harness.Alarms.IsActive(fine.ConnectionAlarm));
        Assert.Contains("no answer to route output=1 input=2 within 1 s", harness.Alarms.Active.Single().Message);
        // Once the router is gone altogether, the status says so (not the older reason).
        await hung.DisposeAsync();
        await Until(() => stuck.Status().Error?.Contains("refused", StringComparison.OrdinalIgnoreCase) == true, $"the refused link named ({stuck.Status().Error})");
    }

    [Fact]
    public async Task A_dropped_link_raises_the_alarm_and_the_reconnect_clears_it_and_asserts_the_desired_route_that_differs_once()
    {
        await using var twin = new VideohubTwin();
        twin.Start();
        await using var harness = new VideohubHarness();
        var router = harness.Open("router", twin.Port);
        await Connected(router);
        await Send(router, "route", "output=1 input=3");
        await Send(router, "route", "output=2 input=4");
        await Send(router, "lock", "output=3");

        twin.DropLinks();
        await Until(() => harness.Alarms.IsActive(router.ConnectionAlarm), "the alarm of the lost link");
        Assert.Equal(ConnectionState.Lost, router.Status().Connection);
        int before = twin.Requests.Count;
        twin.Route(0, 7); // someone changes output 1 while we are away; output 2 stays as we want it
        await Until(() => !harness.Alarms.IsActive(router.ConnectionAlarm) && router.Status().Connection == ConnectionState.Connected, "the alarm cleared on reconnect");
        await Until(() => twin.Routes()[0] == 2 && Actual(router, "lock.3") == "ours", "output 1 routed back to input 3 and output 3 locked again");
        // The router's echo of the route reaches the driver after the twin has it; on a busy machine, well after.
        await Until(() => Actual(router, "route.1") == "3", "the router's report of output 1 read back");
        await Task.Delay(300);

        // The twin let the lock go with the link: it is taken again too, and nothing else is sent.
        var sent = twin.Requests.Skip(before).Where(r => !r.EndsWith(" PING:", StringComparison.Ordinal)).Select(r => r[(r.IndexOf(' ') + 1)..]);
        Assert.Equal(["VIDEO OUTPUT LOCKS: 2 O", "VIDEO OUTPUT ROUTING: 0 2"], sent.Order());
        Assert.Equal((new DeviceSetting("route.1", "3", "3"), new DeviceSetting("lock.3", "ours", "ours")), (Setting(router, "route.1"), Setting(router, "lock.3")));
    }

    [Fact]
    public async Task A_router_that_is_not_there_yet_is_retried_with_back_off_until_it_is()
    {
        int port = Playout.TestSupport.FreePorts.Tcp();
        await using var harness = new VideohubHarness();
        var router = harness.Open("router", port);
        await Until(() => harness.Alarms.IsActive(router.ConnectionAlarm), "the alarm of the refused link");
        Assert.Contains("refused", router.Status().Error, StringComparison.OrdinalIgnoreCase);
        var early = await Assert.ThrowsAsync<DeviceCommandException>(() => Send(router, "route", "output=2 input=5"));
        Assert.StartsWith($"router: route output=2 input=5 not sent: no link to 127.0.0.1:{port} (", early.Message);

        await using var twin = new VideohubTwin(port: port);
        twin.Start();
        await Connected(router);
        Assert.Empty(harness.Alarms.Active);
        // The route asked for while the router was away is the state wanted: it is set once the link is up.
        await Until(() => twin.Routes()[1] == 4, "the early route set on connect");
        Assert.Equal(new DeviceSetting("route.2", "5", "5"), Setting(router, "route.2"));
    }

    [Fact]
    public async Task Pings_keep_a_link_open_that_a_router_closes_when_idle()
    {
        await using var twin = new VideohubTwin { IdleTimeout = TimeSpan.FromSeconds(1) };
        twin.Start();
        await using var harness = new VideohubHarness();
        var pinging = harness.Open("pinging", twin.Port, ping: "0.2");
        var quiet = harness.Open("quiet", twin.Port, ping: "5");
        await Connected(pinging);
        var since = pinging.Status().Since;

        await Until(() => harness.Alarms.IsActive(quiet.ConnectionAlarm), "the quiet client dropped when idle", seconds: 5);
        await Task.Delay(600);

        Assert.Equal((ConnectionState.Connected, since), (pinging.Status().Connection, pinging.Status().Since));
        Assert.False(harness.Alarms.IsActive(pinging.ConnectionAlarm));
        Assert.Contains(twin.Requests, r => r.EndsWith(" PING:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_prelude_without_its_newlines_is_read_whole()
    {
        await using var twin = new VideohubTwin(inputs: 20, outputs: 10);
        twin.SetFault(VideohubFault.PreludeWithoutNewline, true);
        twin.Start();
        await using var harness = new VideohubHarness();
        var router = harness.Open("router", twin.Port);
        await Connected(router);

        Assert.Equal([("inputs", 20.0), ("outputs", 10.0)], router.Status().Measurements.Select(m => (m.Name, m.Value)).Order());
        Assert.Equal(("Input 20", "Output 10"), (Actual(router, "input.20.label"), Actual(router, "output.10.label")));
        Assert.Contains(harness.Log.Lines, l => l.Contains("OUTPUT LABELS: without a blank line before it", StringComparison.Ordinal));
        Assert.Contains(harness.Log.Lines, l => l.Contains("holds two fields (a missing newline)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_ack_without_the_echoed_route_still_sets_the_route()
    {
        await using var twin = new VideohubTwin();
        twin.SetFault(VideohubFault.AckWithoutEcho, true);
        twin.Start();
        await using var harness = new VideohubHarness();
        var router = harness.Open("router", twin.Port);
        var panel = harness.Open("panel", twin.Port);
        await Connected(router);
        await Connected(panel);

        await Send(router, "route", "output=4 input=9");

        Assert.Equal(new DeviceSetting("route.4", "9", "9"), Setting(router, "route.4"));
        Assert.Equal("1", Actual(panel, "route.4")); // nobody was told: the echo really is missing
        Assert.Equal(8, twin.Routes()[3]);
    }

    [Fact]
    public async Task Garbled_replies_are_logged_with_their_line_and_skipped_and_the_router_still_works()
    {
        await using var twin = new VideohubTwin();
        twin.SetFault(VideohubFault.Garble, true);
        twin.Start();
        await using var harness = new VideohubHarness();
        var router = harness.Open("router", twin.Port);
        var panel = harness.Open("panel", twin.Port);
        await Connected(router);
        await Connected(panel);

        await Send(router, "route", "output=5 input=6");
        await Until(() => Actual(panel, "route.5") == "6", "the echo heard through the junk");

        Assert.Equal("Playout Videohub Twin (protocol 2.8)", router.Status().Identity);
        Assert.Contains(harness.Log.Lines, l => l.StartsWith("device router: line 1: control characters in '?#garbled%', skipped", StringComparison.Ordinal));
        Assert.Contains(harness.Log.Lines, l => l.Contains("'garbled item' in PROTOCOL PREAMBLE: is not 'Key: value', skipped", StringComparison.Ordinal));
        Assert.Empty(harness.Alarms.Active);
    }

    [Fact]
    public async Task A_babbling_router_is_logged_up_to_a_limit_per_link_and_still_read()
    {
        using var babbler = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        babbler.Start();
        await using var harness = new VideohubHarness();
        var router = harness.Open("router", ((System.Net.IPEndPoint)babbler.LocalEndpoint).Port);
        using var link = await babbler.AcceptTcpClientAsync();
        string junk = string.Concat(Enumerable.Range(0, 500).Select(i => $"babble {i}\n"));
        await link.GetStream().WriteAsync(System.Text.Encoding.UTF8.GetBytes(junk + "\nVIDEOHUB DEVICE:\nModel name: Babbler\nVideo inputs: 2\nVideo outputs: 2\n\nEND PRELUDE:\n\n"));
        await Connected(router);

        Assert.Equal("Babbler (protocol unknown)", router.Status().Identity);
        var problems = harness.Log.Lines.Where(l => l.StartsWith("device router: line ", StringComparison.Ordinal)).ToList();
        Assert.Equal(VideohubDevice.LoggedProblems, problems.Count);
        Assert.Equal("device router: line 100: 'babble 99' is outside any block, skipped (from 127.0.0.1:" + ((System.Net.IPEndPoint)babbler.LocalEndpoint).Port + ")", problems[^1]);
        Assert.Single(harness.Log.Lines, l => l.Contains("the rest of this link's are not logged", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "address: missing (the router's host or host:port, e.g. 10.0.0.5:9990)")]
    [InlineData("address=10.0.0.5:99999", "address: '10.0.0.5:99999' has no port 1 to 65535 after the colon")]
    [InlineData("address=:9990", "address: ':9990' is not host or host:port (a name or an IPv4 address)")]
    [InlineData("address=::1", "address: '::1' is not host or host:port (a name or an IPv4 address)")]
    [InlineData("address=router/9990", "address: 'router/9990' is not host or host:port (a name or an IPv4 address)")]
    [InlineData("address=10.0.0.5 timeout=0", "timeout: '0' is not a number of seconds from 0.05 to 60")]
    [InlineData("address=10.0.0.5 ping=often", "ping: 'often' is not a number of seconds from 0.05 to 60")]
    [InlineData("address=10.0.0.5 speed=2", "speed: no such setting of the videohub driver (it takes address, timeout, ping)")]
    public void Bad_settings_are_refused_naming_the_setting(string settings, string message)
    {
        var driver = DeviceDrivers.Find("videohub");
        Assert.NotNull(driver);
        var given = settings.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Split('=')).ToDictionary(a => a[0], a => a[1]);
        using var alarms = new Playout.Engine.Alarms.AlarmBoard(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var refused = Assert.Throws<ArgumentException>(() => driver.Open("router", given, new DeviceContext(alarms, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, TimeProvider.System)));
        Assert.Equal(message, refused.Message);
    }
}
