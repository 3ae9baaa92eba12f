using Playout.Snmp.Data;
using Playout.Snmp.Security;

namespace Playout.Snmp.Tests.Security;

public class SnmpViewTests
{
    [Theory]
    [InlineData("1.3.6.1.2.1.1.1.0", true)]
    [InlineData("1.3.6.1.4.1.32473.1.1.0", true)]
    [InlineData("1.3.6.1.4.1.32473.4.1.2.7", false)] // excluded subtree wins over the shorter included one
    [InlineData("1.3.6.1.4.1.32473.4.1.3.7", true)]  // ...but a still longer included one wins over it
    [InlineData("1.3.6.1.6.3.15.1.1.1.0", false)]    // outside every family
    [InlineData("1.3.6", false)]                     // an ancestor of a subtree is not in it
    public void The_most_specific_family_decides(string oid, bool expected)
    {
        var view = SnmpViewParser.Parse("ops", [
            "include 1.3.6.1.2.1",
            "include 1.3.6.1.4.1.32473",
            "exclude 1.3.6.1.4.1.32473.4",
            "include 1.3.6.1.4.1.32473.4.1.3",
        ]);
        Assert.Equal(expected, view.Contains(Oid.Parse(oid)));
    }

    [Theory]
    // Mask ff:a0 = arcs 1-9 and 11 must match; arc 10 (the ifTable column) is wildcarded: RFC 3415's ifEntry example.
    [InlineData("1.3.6.1.2.1.2.2.1.1.5", true)]
    [InlineData("1.3.6.1.2.1.2.2.1.7.5", true)]
    [InlineData("1.3.6.1.2.1.2.2.1.7.6", false)]
    [InlineData("1.3.6.1.2.1.2.2.1.7", false)]
    public void A_mask_wildcards_the_arcs_whose_bit_is_zero(string oid, bool expected)
    {
        var view = SnmpViewParser.Parse("row5", ["include 1.3.6.1.2.1.2.2.1.1.5 mask ff:a0"]);
        Assert.Equal(expected, view.Contains(Oid.Parse(oid)));
    }

    [Fact]
    public void Among_equally_long_matching_families_the_greatest_subtree_decides()
    {
        // Both match 1.3.6.1.2.1.2.2.1.7.5 (the first through its wildcard); the lexicographically greater one decides.
        var view = SnmpViewParser.Parse("tie", ["include 1.3.6.1.2.1.2.2.1.1.5 mask ff:a0", "exclude 1.3.6.1.2.1.2.2.1.7.5"]);
        Assert.False(view.Contains(Oid.Parse("1.3.6.1.2.1.2.2.1.7.5")));
        Assert.True(view.Contains(Oid.Parse("1.3.6.1.2.1.2.2.1.3.5")));
    }

    [Theory]
    [InlineData("allow 1.3.6")]
    [InlineData("include 1.3.x")]
    [InlineData("include 1.3.6 mask zz")]
    [InlineData("include 1.3.6 mask")]
    public void A_bad_entry_is_named_in_the_error(string entry)
    {
        var error = Assert.Throws<FormatException>(() => SnmpViewParser.Parse("ops", ["include 1.3.6.1", entry]));
        Assert.Contains("SNMP view 'ops' entry 2", error.Message);
        Assert.Contains(entry, error.Message);
    }

    [Fact]
    public void Access_keeps_read_and_write_apart_and_none_grants_nothing()
    {
        var read = SnmpViewParser.Parse("all", ["include 1.3.6.1"]);
        var write = SnmpViewParser.Parse("ack", ["include 1.3.6.1.4.1.32473.4.1.6"]);
        var access = new SnmpAccess(read, write);
        Assert.True(access.CanRead(Oid.Parse("1.3.6.1.2.1.1.5.0")));
        Assert.False(access.CanWrite(Oid.Parse("1.3.6.1.2.1.1.5.0")));
        Assert.True(access.CanWrite(Oid.Parse("1.3.6.1.4.1.32473.4.1.6.3")));
        Assert.False(SnmpAccess.None.CanRead(Oid.Parse("1.3.6.1.2.1.1.5.0")));
    }
}
