using System.Net;
using Playout.Snmp.Agent;
using Playout.Snmp.Notifications;
using Playout.Snmp.PlayoutMib;
using Playout.TestSupport;

namespace Playout.Snmp.Tests;

public class NotificationTests
{
    private static readonly PlayoutNotifications Notifications = new(new PlayoutMibOids(PlayoutMibOids.DocumentationEnterprise));
    private static readonly AlarmRow Alarm = new InMemoryPlayout().AlarmRows[0];

    private static NotificationSender Sender(IPEndPoint manager, bool inform, NotificationOptions? options = null, List<string>? reports = null) =>
        new([new NotificationTarget("nms", manager, new CommunityNotificationSecurity("public"), inform)], new UpTime(),
            options ?? new NotificationOptions(), report => { if (reports is not null) lock (reports) reports.Add(report); });

    [Fact]
    public async Task Snmptrapd_receives_an_alarmRaised_trap_with_the_alarms_objects()
    {
        using var receiver = await TrapReceiver.Start();
        await using var sender = Sender(receiver.EndPoint, inform: false);
        sender.Send(Notifications.AlarmRaised(Alarm));
        Assert.True(await receiver.WaitFor("clip missing: a.mov", TimeSpan.FromSeconds(10)), receiver.Log);
        Assert.Contains(".1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.4.1.32473.0.1", receiver.Log);
        Assert.Contains(".1.3.6.1.4.1.32473.1.4.1.1.3.7 = INTEGER: 4", receiver.Log);
        Assert.Contains(".1.3.6.1.4.1.32473.1.4.1.1.2.7 = STRING: \"channel main/layer 10/producer\"", receiver.Log);
        Assert.Equal(1, sender.Counters.TrapsSent);
    }

    [Fact]
    public async Task Snmptrapd_acknowledges_an_inform()
    {
        using var receiver = await TrapReceiver.Start();
        await using var sender = Sender(receiver.EndPoint, inform: true);
        sender.Send(Notifications.AlarmAcknowledged(Alarm with { Acked = true, AckUser = "bob" }));
        Assert.True(await receiver.WaitFor("STRING: \"bob\"", TimeSpan.FromSeconds(10)), receiver.Log);
        Assert.True(await Eventually(() => sender.Counters.InformsAcknowledged == 1), $"acknowledged {sender.Counters.InformsAcknowledged}");
        Assert.Equal(0, sender.Counters.InformsUnacknowledged);
    }

    [Fact]
    public async Task An_inform_nobody_answers_is_retried_with_backoff_then_counted_unacknowledged()
    {
        var reports = new List<string>();
        var silent = new IPEndPoint(IPAddress.Loopback, FreePorts.Udp());
        var options = new NotificationOptions { InformTimeout = TimeSpan.FromMilliseconds(50), InformRetries = 2 };
        await using var sender = Sender(silent, inform: true, options, reports);
        sender.Send(Notifications.AlarmCleared(Alarm));
        // 50 + 100 + 200 ms of waiting at least before it gives up.
        Assert.True(await Eventually(() => sender.Counters.InformsUnacknowledged == 1), "never counted unacknowledged");
        Assert.Equal(3, sender.Counters.InformsSent);
        Assert.Equal(0, sender.Counters.InformsAcknowledged);
        lock (reports) Assert.Contains(reports, report => report.Contains("unacknowledged after 3 tries"));
    }

    [Fact]
    public async Task Send_never_blocks_a_full_queue_drops_and_counts()
    {
        var silent = new IPEndPoint(IPAddress.Loopback, FreePorts.Udp());
        var options = new NotificationOptions { QueueCapacity = 1, MaxPendingInforms = 1, InformTimeout = TimeSpan.FromSeconds(5), InformRetries = 0 };
        await using var sender = Sender(silent, inform: true, options);
        for (var i = 0; i < 100; i++) sender.Send(Notifications.AlarmRaised(Alarm));
        // One inform is outstanding, one waits for its slot, one sits in the queue: the rest were dropped at once.
        Assert.InRange(sender.Counters.Dropped, 97, 99);
    }

    private static async Task<bool> Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(20);
        return condition();
    }
}
