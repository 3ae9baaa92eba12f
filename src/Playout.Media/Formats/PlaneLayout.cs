namespace Playout.Media.Formats;

/// <summary>Where one plane of a frame lives inside the frame's buffer.</summary>
/// <param name="Offset">Byte offset of the plane's first line from the start of the frame.</param>
/// <param name="Stride">Bytes from one line to the next (may exceed <see cref="LineBytes"/>).</param>
/// <param name="LineBytes">Bytes of picture data in one line (padding excluded).</param>
/// <param name="Lines">Number of lines in the plane.</param>
/// <param name="Samples">Samples (or pixels, for packed formats) in one line.</param>
public readonly record struct PlaneLayout(int Offset, int Stride, int LineBytes, int Lines, int Samples)
{
    /// <summary>Bytes the plane occupies, from its offset to the end of its last stride.</summary>
    public int TotalBytes => Stride * Lines;
}
