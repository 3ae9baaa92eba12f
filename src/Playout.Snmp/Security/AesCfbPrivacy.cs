using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Playout.Snmp.Security;

/// <summary>
/// usmAesCfb128Protocol (RFC 3826): AES-128 in 128-bit CFB mode, IV = engineBoots ‖ engineTime ‖ 64-bit salt, the key the
/// first 16 bytes of the privacy password's key localised with the user's auth hash (what net-snmp does for SHA-1 and SHA-256).
/// </summary>
public static class AesCfbPrivacy
{
    public const int KeyLength = 16;
    public const int SaltLength = 8;

    /// <summary>True for the names configurations give this protocol: "AES", "AES-128", "AES128" (any case).</summary>
    public static bool IsName(string name) => name.Trim().ToUpperInvariant() is "AES" or "AES-128" or "AES128";

    /// <summary>Encrypts <paramref name="plain"/>; the ciphertext has the same length (CFB is a stream mode).</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> localizedKey, int boots, int time, ulong salt, ReadOnlySpan<byte> plain)
        => Transform(localizedKey, boots, time, salt, plain, encrypt: true);

    /// <summary>Decrypts <paramref name="cipher"/>; a wrong key gives garbage, which the scoped PDU's parse then rejects.</summary>
    public static byte[] Decrypt(ReadOnlySpan<byte> localizedKey, int boots, int time, ulong salt, ReadOnlySpan<byte> cipher)
        => Transform(localizedKey, boots, time, salt, cipher, encrypt: false);

    private static byte[] Transform(ReadOnlySpan<byte> localizedKey, int boots, int time, ulong salt, ReadOnlySpan<byte> input, bool encrypt)
    {
        if (localizedKey.Length < KeyLength)
            throw new ArgumentException($"An AES-128 key needs {KeyLength} bytes, got {localizedKey.Length}.", nameof(localizedKey));
        Span<byte> iv = stackalloc byte[16];
        BinaryPrimitives.WriteInt32BigEndian(iv, boots);
        BinaryPrimitives.WriteInt32BigEndian(iv[4..], time);
        BinaryPrimitives.WriteUInt64BigEndian(iv[8..], salt);

        // .NET's CFB wants whole blocks without padding; CFB's last partial block only depends on the bytes before it,
        // so zero-filling to a block boundary and cutting the output back gives the stream cipher's bytes.
        var padded = new byte[(input.Length + 15) / 16 * 16];
        input.CopyTo(padded);
        using var aes = Aes.Create();
        aes.Key = localizedKey[..KeyLength].ToArray();
        var output = encrypt
            ? aes.EncryptCfb(padded, iv, PaddingMode.None, feedbackSizeInBits: 128)
            : aes.DecryptCfb(padded, iv, PaddingMode.None, feedbackSizeInBits: 128);
        return output.AsSpan(0, input.Length).ToArray();
    }
}
