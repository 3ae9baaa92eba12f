using Playout.Engine.Stage;

namespace Playout.Engine.Commands;

/// <summary>
/// A change to a channel's stage (load, play, take, volume…), applied by the tick thread at a tick boundary:
/// at <see cref="AtTick"/> exactly, or at the next tick when it names none. <see cref="Applied"/> completes
/// with the tick it took effect on, or fails with the reason it could not be applied.
/// </summary>
public sealed class ChannelCommand
{
    private readonly Action<ChannelStage> _apply;
    private readonly TaskCompletionSource<long> _applied = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ChannelCommand(string description, Action<ChannelStage> apply, long? atTick = null)
    {
        if (atTick < 0)
            throw new ArgumentOutOfRangeException(nameof(atTick), atTick, "a tick number is not negative");
        Description = description;
        _apply = apply;
        AtTick = atTick;
    }

    public string Description { get; }
    public long? AtTick { get; }

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
            _applied.TrySetResult(tick);
            return null;
        }
        catch (Exception error)
        {
            _applied.TrySetException(new InvalidOperationException($"{this}: {error.Message}", error));
            return error;
        }
    }

    internal void Reject(string reason) => _applied.TrySetException(new InvalidOperationException($"{this}: {reason}"));
}
