namespace Playout.Server.Amcp;

/// <summary>The command sets the dispatcher hands lines to.</summary>
public sealed record AmcpCommands(AmcpMedia Media, AmcpInfo Info, AmcpLayerCommands Layers, AmcpMixer Mixer, AmcpTemplates Templates, AmcpOutputs Outputs);
