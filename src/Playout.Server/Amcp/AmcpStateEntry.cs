namespace Playout.Server.Amcp;

/// <summary>
/// One value of a channel's state as CasparCG publishes it: a path under the channel (<c>stage/layer/10/foreground/paused</c>)
/// and its values (int, float, bool or string; several for a pair such as a frame rate).
/// </summary>
/// <param name="Legacy">
/// Sent over OSC only, not in INFO's XML: the CasparCG 2.0/2.1 addresses (<c>stage/layer/10/file/frame</c>) that older
/// tally and timer tools listen for.
/// </param>
public sealed record AmcpStateEntry(string Path, object[] Values, bool Legacy = false);
