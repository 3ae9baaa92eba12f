namespace Playout.Automation.Library;

public enum MediaStatus
{
    /// <summary>FFmpeg opened the file and decoded a picture from it (or it is sound only).</summary>
    Ok,

    /// <summary>FFmpeg cannot open or decode the file; <see cref="MediaEntry.Error"/> says why.</summary>
    Unplayable,
}
