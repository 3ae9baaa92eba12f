using Playout.Engine.Producers;
using Playout.Engine.Stage;

namespace Playout.Engine.Commands;

/// <summary>
/// A change to a channel's stage (load, play, take, volume…), applied by the tick thread at a tick boundary:
/// at <see cref="AtTick"/> exactly, or at the next tick when it names none. <see cref="Applied"/> completes
/// with the tick it took effect on, or fails with the reason it could not be applied. A command that brings a producer
/// to the stage (<see cref="Carries"/>) owns it until the stage takes it: one that fails or is refused disposes it, so
/// a clip opened for a command that never applied leaves no decoder, thread or pooled frame behind.
/// </summary>
public sealed class ChannelCommand
{
    private readonly Action<ChannelStage> _apply;
    private readonly TaskCompletionSource<long> _applied = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ChannelCommand(string description, Action<ChannelStage> apply, long? atTick = null, Producer? carries = null)
    {
        if (atTick < 0)
            throw new ArgumentOutOfRangeException(nameof(atTick), atTick, "a tick number is not negative");
        Description = description;
        _apply = apply;
        AtTick = atTick;
        Carries = carries;
    }

    public string Description { get; }
    public long? AtTick { get; }

    /// <summary>The producer the command brings to the stage, if any; disposed when the command fails before the stage holds it.</summary>
    public Producer? Carries { get; }

    /// <summary>Who asked for the command ("amcp:127.0.0.1:50112", a token's name); null when nobody is named. Shown in layer status.</summary>
    public string? Who { get; private set; }

    /// <summary>The layer the command acts on, when it acts on one: the layer whose status names <see cref="Who"/>.</summary>
    public int? Layer { get; init; }

    /// <summary>Names who asked for the command (before it is queued).</summary>
    public ChannelCommand By(string who)
    {
        Who = who;
        return this;
    }

    /// <summary>The tick the command took effect on.</summary>
    public Task<long> Applied => _applied.Task;

    public override string ToString() => AtTick is { } tick ? $"{Description} at tick {tick}" : Description;

    /// <summary>Applies the command once; whatever it throws fails its task and nothing else (the caller goes on with the next).</summary>
    /// <returns>The error the command failed with, or null.</returns>
    internal Exception? Apply(ChannelStage stage, long tick)
    {
        try
        {
            _apply(stage);
            if (Who is { } who && Layer is { } layer)
                stage[layer].DrivenBy = who;
            _applied.TrySetResult(tick);
            return null;
        }
        catch (Exception error)
        {
            // What the stage did not take before the failure is the command's to dispose (off the tick, as the stage retires producers).
            if (Carries is { } producer && !stage.Holds(producer))
                stage.Retire(producer);
            _applied.TrySetException(new InvalidOperationException($"{this}: {error.Message}", error));
            return error;
        }
    }

    /// <summary>Fails the command unapplied; the producer it carries is disposed (by <paramref name="retire"/> when given, else here).</summary>
    internal void Reject(string reason, Action<Producer>? retire = null)
    {
        if (Carries is { } producer)
        {
            if (retire is null)
                producer.Dispose();
            else
                retire(producer);
        }
        _applied.TrySetException(new InvalidOperationException($"{this}: {reason}"));
    }
}
