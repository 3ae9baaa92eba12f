using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.Channels;
using Playout.Snmp.Agent;
using Playout.Snmp.Mib;
using Playout.Snmp.Pdus;

namespace Playout.Snmp.Notifications;

/// <summary>
/// Sends notifications to the configured managers off the caller's thread: <see cref="Send"/> only queues
/// (a bounded queue: when it is full the notification is dropped and counted, never the caller blocked).
/// Traps go out once; informs are retried with a doubling timeout until the manager's Response arrives,
/// and counted as unacknowledged when every try went unanswered.
/// </summary>
public sealed class NotificationSender : IAsyncDisposable
{
    private readonly IReadOnlyList<NotificationTarget> _targets;
    private readonly UpTime _upTime;
    private readonly NotificationOptions _options;
    private readonly Action<string> _report;
    private readonly Channel<Notification> _queue;
    private readonly ConcurrentDictionary<int, Pending> _pending = new();
    private readonly SemaphoreSlim _informSlots;
    private readonly CancellationTokenSource _stop = new();
    private readonly Socket _socket;
    private readonly Task _sending, _receiving;
    private int _requestId = RandomNumberGenerator.GetInt32(int.MaxValue / 2);

    public NotificationSender(IEnumerable<NotificationTarget> targets, UpTime upTime, NotificationOptions options, Action<string> report)
    {
        _targets = [.. targets];
        _upTime = upTime;
        _options = options;
        _report = report;
        _queue = Channel.CreateBounded<Notification>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        }, _ => Counters.Drop());
        _informSlots = new SemaphoreSlim(options.MaxPendingInforms);
        _socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp) { DualMode = true };
        _socket.Bind(new IPEndPoint(IPAddress.IPv6Any, 0));
        _sending = Task.Run(SendLoop);
        _receiving = Task.Run(ReceiveLoop);
    }

    public NotificationCounters Counters { get; } = new();

    /// <summary>Queues <paramref name="notification"/> for every target; returns at once.</summary>
    public void Send(Notification notification)
    {
        if (_targets.Count > 0 && !_queue.Writer.TryWrite(notification)) Counters.Drop();
    }

    private async Task SendLoop()
    {
        try
        {
            await foreach (var notification in _queue.Reader.ReadAllAsync(_stop.Token))
            {
                // Both bindings every notification starts with (RFC 3416 §4.2.6), then the objects it carries.
                List<VarBind> bindings =
                [
                    new(StandardGroups.SysUpTimeInstance, _upTime.Now),
                    new(StandardGroups.SnmpTrapOidInstance, new Data.ObjectIdentifier(notification.TrapOid)),
                    .. notification.Objects,
                ];
                foreach (var target in _targets)
                {
                    if (!target.Inform)
                    {
                        if (await TrySend(target, Pdu.Request(PduType.SnmpV2Trap, NextRequestId(), bindings))) Counters.TrapSent();
                        continue;
                    }
                    await _informSlots.WaitAsync(_stop.Token);
                    _ = Inform(target, Pdu.Request(PduType.InformRequest, NextRequestId(), bindings));
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task Inform(NotificationTarget target, Pdu inform)
    {
        var pending = new Pending(target.Manager);
        _pending[inform.RequestId] = pending;
        try
        {
            var timeout = _options.InformTimeout;
            for (var attempt = 0; attempt <= _options.InformRetries; attempt++, timeout *= 2)
            {
                if (await TrySend(target, inform)) Counters.InformSent();
                var answered = await Task.WhenAny(pending.Answered.Task, Task.Delay(timeout, _stop.Token)) == pending.Answered.Task;
                if (answered)
                {
                    Counters.InformAcknowledged();
                    return;
                }
            }
            Counters.InformUnacknowledged();
            _report($"SNMP inform to {target.Name} ({target.Manager}) unacknowledged after {_options.InformRetries + 1} tries");
        }
        catch (OperationCanceledException) { }
        finally
        {
            _pending.TryRemove(inform.RequestId, out _);
            _informSlots.Release();
        }
    }

    private async Task<bool> TrySend(NotificationTarget target, Pdu pdu)
    {
        try
        {
            await _socket.SendToAsync(target.Security.Encode(pdu), SocketFlags.None, target.Manager, _stop.Token);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A socket error, or a security model that cannot wrap it (a v3 user without keys for this manager).
            Counters.Drop();
            _report($"SNMP notification to {target.Name} ({target.Manager}) not sent: {error.Message}");
            return false;
        }
    }

    /// <summary>Matches managers' Responses to the informs awaiting them; anything else is ignored.</summary>
    private async Task ReceiveLoop()
    {
        var buffer = new byte[65535];
        var any = new IPEndPoint(IPAddress.IPv6Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
                var from = (IPEndPoint)received.RemoteEndPoint;
                var datagram = buffer.AsMemory(0, received.ReceivedBytes);
                foreach (var target in _targets)
                {
                    if (!target.Inform || !SameEndPoint(target.Manager, from)) continue;
                    if (target.Security.Decode(datagram) is { Type: PduType.Response } response
                        && _pending.TryGetValue(response.RequestId, out var pending) && SameEndPoint(pending.Manager, from))
                        pending.Answered.TrySetResult();
                }
            }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException) { }
        }
    }

    private static bool SameEndPoint(IPEndPoint a, IPEndPoint b) =>
        a.Port == b.Port && (a.Address.Equals(b.Address) || a.Address.MapToIPv6().Equals(b.Address.MapToIPv6()));

    private int NextRequestId() => Interlocked.Increment(ref _requestId) & int.MaxValue;

    /// <summary>Sends what is queued (for up to a second), then stops; informs still awaiting an answer are abandoned.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAny(_sending, Task.Delay(TimeSpan.FromSeconds(1)));
        await _stop.CancelAsync();
        _socket.Dispose();
        await Task.WhenAll(_sending, _receiving);
        _stop.Dispose();
    }

    private sealed record Pending(IPEndPoint Manager)
    {
        public TaskCompletionSource Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
