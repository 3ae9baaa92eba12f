namespace Playout.Engine.Channels;

/// <summary>
/// What is on air and what follows, as a programme guide (DVB EIT present/following) tells listeners and viewers; null
/// where there is none. The automation sets it as its plan changes.
/// </summary>
public sealed record ProgrammeGuide(GuideEvent? Present, GuideEvent? Following);

/// <summary>An event of the guide: its title, the tick its first frame airs at, and the tick it ends at (null: open).</summary>
public sealed record GuideEvent(string Title, long StartTick, long? EndTick);
