namespace Playout.Devices.Videohub;

/// <summary>One block of the Videohub protocol: its header (<c>VIDEO OUTPUT ROUTING:</c>, <c>ACK</c> …) and its item lines, each with its line number on the link (for located errors).</summary>
public sealed record VideohubBlock(string Header, int Line, IReadOnlyList<(int Line, string Text)> Items)
{
    public override string ToString() => Items.Count == 0 ? Header : $"{Header} {string.Join(" | ", Items.Select(i => i.Text))}";
}
