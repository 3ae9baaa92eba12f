using System.Globalization;
using System.Text;

namespace Playout.Snmp.Data;

/// <summary>
/// An OBJECT IDENTIFIER: an immutable list of 32-bit sub-identifiers, ordered lexicographically the way
/// SNMP walks a MIB (a prefix sorts before everything under it).
/// </summary>
public readonly struct Oid : IEquatable<Oid>, IComparable<Oid>
{
    private readonly uint[]? _arcs;

    /// <summary>Takes ownership of <paramref name="arcs"/>; callers never mutate it afterwards.</summary>
    private Oid(uint[] arcs) => _arcs = arcs;

    public Oid(ReadOnlySpan<uint> arcs) => _arcs = arcs.ToArray();

    public ReadOnlySpan<uint> Arcs => _arcs;

    public int Length => _arcs?.Length ?? 0;

    public uint this[int index] => Arcs[index];

    /// <summary>Parses "1.3.6.1" (a leading dot is allowed). Throws <see cref="FormatException"/> naming the bad arc.</summary>
    public static Oid Parse(string text) =>
        TryParse(text, out var oid, out var error) ? oid : throw new FormatException($"OID '{text}': {error}");

    public static bool TryParse(string text, out Oid oid) => TryParse(text, out oid, out _);

    private static bool TryParse(string text, out Oid oid, out string error)
    {
        oid = default;
        var span = text.AsSpan().Trim();
        if (span.StartsWith(".")) span = span[1..];
        if (span.IsEmpty) { error = "empty"; return false; }
        var arcs = new List<uint>(16);
        var position = 0;
        foreach (var range in span.Split('.'))
        {
            position++;
            if (!uint.TryParse(span[range], NumberStyles.None, CultureInfo.InvariantCulture, out var arc))
            {
                error = $"sub-identifier {position} ('{span[range]}') is not a number from 0 to {uint.MaxValue}";
                return false;
            }
            arcs.Add(arc);
        }
        oid = new Oid(arcs.ToArray());
        error = "";
        return true;
    }

    /// <summary>This OID followed by <paramref name="suffix"/>.</summary>
    public Oid Append(params ReadOnlySpan<uint> suffix)
    {
        var arcs = new uint[Length + suffix.Length];
        Arcs.CopyTo(arcs);
        suffix.CopyTo(arcs.AsSpan(Length));
        return new Oid(arcs);
    }

    public Oid Append(Oid suffix) => Append(suffix.Arcs);

    /// <summary>The arcs after the first <paramref name="count"/>.</summary>
    public Oid Skip(int count) => new(Arcs[count..]);

    /// <summary>True when <paramref name="prefix"/> is this OID or an ancestor of it.</summary>
    public bool StartsWith(Oid prefix) => Arcs.StartsWith(prefix.Arcs);

    public int CompareTo(Oid other) => Arcs.SequenceCompareTo(other.Arcs);

    public bool Equals(Oid other) => Arcs.SequenceEqual(other.Arcs);

    public override bool Equals(object? obj) => obj is Oid other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Arcs));
        return hash.ToHashCode();
    }

    public static bool operator ==(Oid left, Oid right) => left.Equals(right);
    public static bool operator !=(Oid left, Oid right) => !left.Equals(right);
    public static bool operator <(Oid left, Oid right) => left.CompareTo(right) < 0;
    public static bool operator >(Oid left, Oid right) => left.CompareTo(right) > 0;
    public static bool operator <=(Oid left, Oid right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Oid left, Oid right) => left.CompareTo(right) >= 0;

    /// <summary>Dotted decimal without a leading dot, as net-snmp's -On prints it after the dot.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Length * 4);
        foreach (var arc in Arcs)
        {
            if (text.Length > 0) text.Append('.');
            text.Append(arc.ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
