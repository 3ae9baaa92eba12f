namespace Playout.Engine.Producers;

/// <summary>
/// A source of pictures and sound for one layer: colour, bars, a still, a clip, a live input. The tick
/// thread calls <see cref="TryReceive"/> once per tick while the producer is on air; it never blocks past the
/// tick's deadline and never throws. Work that takes time (opening, decoding) happens on the producer's own
/// threads, started when it is created, so a producer loaded in the background is pre-rolled by the time it is taken.
/// </summary>
public abstract class Producer(string name) : IDisposable
{
    private volatile string? _failure;

    /// <summary>What plays, for logs, alarms and status (e.g. the file name).</summary>
    public string Name { get; } = name;

    /// <summary>True once the first frame is ready to go on air.</summary>
    public virtual bool IsReady => true;

    /// <summary>True once a clip that does not loop has played its last frame.</summary>
    public virtual bool IsFinished => false;

    /// <summary>Why the producer cannot deliver (file missing, decoder error…), or null while it is healthy.</summary>
    public string? Failure
    {
        get => _failure;
        protected set => _failure = value;
    }

    /// <summary>Frames between the in and out points, when the producer knows them (clips); null for endless sources.</summary>
    public virtual long? Length => null;

    /// <summary>Frames delivered so far since the producer was taken to air.</summary>
    public virtual long Position => 0;

    /// <summary>True while a producer with a timeline holds its frame (<see cref="Pause"/>).</summary>
    public virtual bool IsPaused => false;

    /// <summary>True for a clip that starts again at its in point after its out point.</summary>
    public virtual bool Loops => false;

    /// <summary>The file or address the producer plays, when it plays one (clips, streams); null for generated pictures.</summary>
    public virtual string? Source => null;

    /// <summary>
    /// The frame for this tick. Playing producers advance one frame per call; paused ones deliver their current
    /// frame again. False when there is nothing to show this tick: failed (<see cref="Failure"/>), finished, or
    /// late (decoding behind); the layer then shows the channel's filler.
    /// </summary>
    public abstract bool TryReceive(in ProduceContext context, out LayerFrame frame);

    /// <summary>Resumes advancing (clips); a no-op for sources without a timeline.</summary>
    public virtual void Play()
    {
    }

    /// <summary>Holds the current frame (clips); a no-op for sources without a timeline.</summary>
    public virtual void Pause()
    {
    }

    public override string ToString() => Name;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
