namespace Playout.Media.Formats;

/// <summary>How the lines of a frame are scanned: all at once, or as two fields of alternate lines.</summary>
public enum ScanMode
{
    Progressive,

    /// <summary>The field holding the frame's first (top) line is shown first: 625-line SD and 1080i.</summary>
    InterlacedTopFieldFirst,

    /// <summary>The field holding the frame's second line is shown first: 525-line SD as carried on SDI.</summary>
    InterlacedBottomFieldFirst,
}
