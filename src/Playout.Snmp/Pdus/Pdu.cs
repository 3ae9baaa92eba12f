namespace Playout.Snmp.Pdus;

/// <summary>
/// One PDU. GetBulk reuses the error-status and error-index fields for non-repeaters and max-repetitions
/// (RFC 3416 §3); <see cref="NonRepeaters"/> and <see cref="MaxRepetitions"/> name them.
/// </summary>
public sealed record Pdu(PduType Type, int RequestId, int ErrorStatusField, int ErrorIndex, IReadOnlyList<VarBind> VarBinds)
{
    public static Pdu Request(PduType type, int requestId, params IReadOnlyList<VarBind> varBinds) =>
        new(type, requestId, 0, 0, varBinds);

    public static Pdu Bulk(int requestId, int nonRepeaters, int maxRepetitions, params IReadOnlyList<VarBind> varBinds) =>
        new(PduType.GetBulk, requestId, nonRepeaters, maxRepetitions, varBinds);

    /// <summary>A Response to <paramref name="request"/> with the same request-id.</summary>
    public static Pdu ResponseTo(Pdu request, IReadOnlyList<VarBind> varBinds, ErrorStatus status = ErrorStatus.NoError, int errorIndex = 0) =>
        new(PduType.Response, request.RequestId, (int)status, errorIndex, varBinds);

    public ErrorStatus ErrorStatus => (ErrorStatus)ErrorStatusField;

    public int NonRepeaters => ErrorStatusField;

    public int MaxRepetitions => ErrorIndex;
}
