using Playout.Snmp.Data;
using Playout.Snmp.Mib;
using Playout.Snmp.Pdus;
using Playout.Snmp.Security;

namespace Playout.Snmp.Agent;

/// <summary>
/// Answers GET, GETNEXT, GETBULK and SET over a <see cref="MibTree"/> (RFC 3416 §4.2), asking the request's
/// access view about every instance. A provider that throws turns into genErr naming the binding being
/// served, never into a dead agent.
/// </summary>
public sealed class Dispatcher(MibTree tree, int maxRepetitions) : IRequestHandler
{
    /// <summary>The most bindings one GETBULK response is built with, whatever it asks: bounded work per datagram.</summary>
    public const int MaxBulkVarBinds = 2048;

    /// <summary>The PDU types <see cref="Handle"/> answers.</summary>
    public static bool Serves(PduType type) => type is PduType.Get or PduType.GetNext or PduType.GetBulk or PduType.Set;

    public Pdu Handle(Pdu request, RequestContext context)
    {
        if (!Serves(request.Type)) throw new ArgumentException($"{request.Type} is not a request an agent answers", nameof(request));
        var mib = new MibRequest(context.Principal);
        var serving = 0;
        try
        {
            return request.Type switch
            {
                PduType.Get => Pdu.ResponseTo(request, Each(request, ref serving, oid => Get(oid, context.View, mib))),
                PduType.GetNext => Pdu.ResponseTo(request, Each(request, ref serving, oid => Next(oid, context.View, mib))),
                PduType.GetBulk => Pdu.ResponseTo(request, Bulk(request, context.View, mib, ref serving)),
                _ => Set(request, context.View, mib, ref serving),
            };
        }
        catch (Exception)
        {
            return Pdu.ResponseTo(request, request.VarBinds, ErrorStatus.GenErr, serving + 1);
        }
    }

    private static VarBind[] Each(Pdu request, ref int serving, Func<Oid, VarBind> answer)
    {
        var answers = new VarBind[request.VarBinds.Count];
        for (serving = 0; serving < answers.Length; serving++) answers[serving] = answer(request.VarBinds[serving].Oid);
        return answers;
    }

    private VarBind Get(Oid oid, IAccessView view, MibRequest mib) =>
        view.CanRead(oid) && tree.Find(oid) is { } found ? new VarBind(oid, found.Get(oid, mib)) : new VarBind(oid, Null.NoSuchObject);

    private VarBind Next(Oid oid, IAccessView view, MibRequest mib) =>
        tree.Next(oid, view.CanRead, mib) is { } found ? new VarBind(found.Instance, found.Value) : new VarBind(oid, Null.EndOfMibView);

    /// <summary>RFC 3416 §4.2.3: N non-repeaters once, then up to M repetitions of the R repeaters, row-major.</summary>
    private List<VarBind> Bulk(Pdu request, IAccessView view, MibRequest mib, ref int serving)
    {
        var bindings = request.VarBinds;
        var n = Math.Clamp(request.NonRepeaters, 0, bindings.Count);
        var r = bindings.Count - n;
        var m = r == 0 ? 0 : Math.Min(Math.Clamp(request.MaxRepetitions, 0, maxRepetitions), Math.Max(0, MaxBulkVarBinds - n) / r);
        var response = new List<VarBind>(n + m * r);
        for (serving = 0; serving < n; serving++) response.Add(Next(bindings[serving].Oid, view, mib));
        var cursors = bindings.Skip(n).Select(vb => vb.Oid).ToArray();
        var ended = new bool[r];
        for (var repetition = 0; repetition < m; repetition++)
        {
            var live = 0;
            for (var j = 0; j < r; j++)
            {
                serving = n + j;
                var next = ended[j] ? new VarBind(cursors[j], Null.EndOfMibView) : Next(cursors[j], view, mib);
                ended[j] = next.Value == Null.EndOfMibView;
                if (!ended[j]) live++;
                cursors[j] = next.Oid;
                response.Add(next);
            }
            // Every repeater has run off the end: further repetitions would only repeat endOfMibView.
            if (live == 0) break;
        }
        return response;
    }

    /// <summary>RFC 3416 §4.2.5: test every binding, then commit them all; the first failure names its binding.</summary>
    private Pdu Set(Pdu request, IAccessView view, MibRequest mib, ref int serving)
    {
        var commits = new Func<bool>[request.VarBinds.Count];
        for (serving = 0; serving < commits.Length; serving++)
        {
            var (oid, value) = request.VarBinds[serving];
            if (!view.CanWrite(oid)) return Refuse(request, ErrorStatus.NoAccess, serving);
            var outcome = tree.Find(oid) is { } found ? found.PrepareSet(oid, value, mib) : SetOutcome.Fail(ErrorStatus.NotWritable);
            if (outcome.Commit is not { } commit) return Refuse(request, outcome.Error, serving);
            commits[serving] = commit;
        }
        for (serving = 0; serving < commits.Length; serving++)
            if (!commits[serving]()) return Refuse(request, ErrorStatus.CommitFailed, serving);
        return Pdu.ResponseTo(request, request.VarBinds);
    }

    private static Pdu Refuse(Pdu request, ErrorStatus error, int index) => Pdu.ResponseTo(request, request.VarBinds, error, index + 1);
}
