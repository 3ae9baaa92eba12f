using System.Collections.Frozen;

namespace Playout.Media.Scte35;

/// <summary>SCTE 35's segmentation_type_id values by the names a schedule may use (camel case of the standard's table).</summary>
public static class SegmentationTypes
{
    public static readonly FrozenDictionary<string, byte> ByName = new Dictionary<string, byte>(StringComparer.OrdinalIgnoreCase)
    {
        ["notIndicated"] = 0x00,
        ["contentIdentification"] = 0x01,
        ["programStart"] = 0x10,
        ["programEnd"] = 0x11,
        ["programEarlyTermination"] = 0x12,
        ["programBreakaway"] = 0x13,
        ["programResumption"] = 0x14,
        ["programRunoverPlanned"] = 0x15,
        ["programRunoverUnplanned"] = 0x16,
        ["programOverlapStart"] = 0x17,
        ["programBlackoutOverride"] = 0x18,
        ["programJoin"] = 0x19,
        ["chapterStart"] = 0x20,
        ["chapterEnd"] = 0x21,
        ["breakStart"] = 0x22,
        ["breakEnd"] = 0x23,
        ["openingCreditStart"] = 0x24,
        ["openingCreditEnd"] = 0x25,
        ["closingCreditStart"] = 0x26,
        ["closingCreditEnd"] = 0x27,
        ["providerAdvertisementStart"] = 0x30,
        ["providerAdvertisementEnd"] = 0x31,
        ["distributorAdvertisementStart"] = 0x32,
        ["distributorAdvertisementEnd"] = 0x33,
        ["providerPlacementOpportunityStart"] = 0x34,
        ["providerPlacementOpportunityEnd"] = 0x35,
        ["distributorPlacementOpportunityStart"] = 0x36,
        ["distributorPlacementOpportunityEnd"] = 0x37,
        ["providerOverlayPlacementOpportunityStart"] = 0x38,
        ["providerOverlayPlacementOpportunityEnd"] = 0x39,
        ["distributorOverlayPlacementOpportunityStart"] = 0x3A,
        ["distributorOverlayPlacementOpportunityEnd"] = 0x3B,
        ["providerPromoStart"] = 0x3C,
        ["providerPromoEnd"] = 0x3D,
        ["distributorPromoStart"] = 0x3E,
        ["distributorPromoEnd"] = 0x3F,
        ["unscheduledEventStart"] = 0x40,
        ["unscheduledEventEnd"] = 0x41,
        ["alternateContentOpportunityStart"] = 0x42,
        ["alternateContentOpportunityEnd"] = 0x43,
        ["providerAdBlockStart"] = 0x44,
        ["providerAdBlockEnd"] = 0x45,
        ["distributorAdBlockStart"] = 0x46,
        ["distributorAdBlockEnd"] = 0x47,
        ["networkStart"] = 0x50,
        ["networkEnd"] = 0x51,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The starts of breaks and ad opportunities (break, advertisement, placement opportunity, overlay, ad block): each one's end is the next value.</summary>
    private static readonly byte[] BreakStarts = [0x22, 0x30, 0x32, 0x34, 0x36, 0x38, 0x3A, 0x44, 0x46];

    /// <summary>Whether <paramref name="typeId"/> starts a break or an ad opportunity (a packager's "out").</summary>
    public static bool IsBreakStart(byte typeId) => BreakStarts.Contains(typeId);

    /// <summary>Whether <paramref name="typeId"/> ends one (a packager's "in").</summary>
    public static bool IsBreakEnd(byte typeId) => typeId > 0 && BreakStarts.Contains((byte)(typeId - 1));

    /// <summary>The name of <paramref name="typeId"/>, or null for a value the table does not name.</summary>
    public static string? Name(byte typeId) => ByName.FirstOrDefault(p => p.Value == typeId).Key;
}
