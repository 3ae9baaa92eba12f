namespace Playout.Interop.Tests;

/// <summary>Byte-for-byte comparison of pictures that reports where they first differ (xunit would print megabytes).</summary>
internal static class BytesAssert
{
    public static void Equal(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        int at = expected.CommonPrefixLength(actual);
        if (at != expected.Length)
            Assert.Fail($"first difference at byte {at} of {expected.Length}: expected 0x{expected[at]:X2}, got 0x{actual[at]:X2}");
    }
}
