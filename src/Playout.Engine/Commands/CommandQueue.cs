using System.Collections.Concurrent;
using Playout.Engine.Stage;

namespace Playout.Engine.Commands;

/// <summary>
/// A channel's command inbox: any thread enqueues without locking (a lock-free queue); the tick thread moves
/// arrivals into a list ordered by due tick and applies, at each tick boundary, exactly the ones due.
/// </summary>
public sealed class CommandQueue
{
    private readonly ConcurrentQueue<ChannelCommand> _incoming = new();
    private readonly List<ChannelCommand> _pending = new(64);

    /// <summary>Commands waiting for their tick.</summary>
    public int Pending => _pending.Count + _incoming.Count;

    public void Enqueue(ChannelCommand command) => _incoming.Enqueue(command);

    /// <summary>The tick the earliest waiting command is due at (<paramref name="now"/> for one due at once); null when none waits. Tick thread only.</summary>
    internal long? NextDue(long now)
    {
        long? next = _pending.Count > 0 ? _pending[0].AtTick ?? now : null;
        foreach (var command in _incoming)
            next = Math.Min(next ?? long.MaxValue, command.AtTick ?? now);
        return next;
    }

    /// <summary>
    /// Applies every command due at <paramref name="tick"/>, in the order due tick, then arrival. Tick thread only. Each
    /// command leaves the queue before it runs, so one that throws fails alone and is never applied twice.
    /// </summary>
    /// <param name="failed">Told of each command that threw, with its error.</param>
    internal void ApplyDue(long tick, ChannelStage stage, Action<ChannelCommand, Exception> failed)
    {
        while (_incoming.TryDequeue(out var command))
        {
            if (command.AtTick < tick)
                command.Reject($"tick {command.AtTick} has already gone to air (now {tick})", stage.Retire);
            else
                Insert(command);
        }
        while (_pending.Count > 0 && (_pending[0].AtTick ?? tick) <= tick)
        {
            var command = _pending[0];
            _pending.RemoveAt(0);
            if (command.Apply(stage, tick) is { } error)
                failed(command, error);
        }
    }

    /// <summary>Fails every waiting command (the channel is stopping).</summary>
    internal void RejectAll(string reason)
    {
        while (_incoming.TryDequeue(out var command))
            command.Reject(reason);
        foreach (var command in _pending)
            command.Reject(reason);
        _pending.Clear();
    }

    private void Insert(ChannelCommand command)
    {
        // Stable: after every command due no later (commands without a tick are due now, before any future one).
        long due = command.AtTick ?? long.MinValue;
        int at = _pending.Count;
        while (at > 0 && (_pending[at - 1].AtTick ?? long.MinValue) > due)
            at--;
        _pending.Insert(at, command);
    }
}
