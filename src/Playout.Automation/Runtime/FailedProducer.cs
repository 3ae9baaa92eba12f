using Playout.Engine.Producers;

namespace Playout.Automation.Runtime;

/// <summary>Stands in for a source that could not be opened: delivers nothing and says why, so the layer shows the filler and alarms.</summary>
internal sealed class FailedProducer : Producer
{
    public FailedProducer(string name, string failure) : base(name) => Failure = failure;

    public override bool TryReceive(in ProduceContext context, out LayerFrame frame)
    {
        frame = default;
        return false;
    }
}
