using Sitrep.Core.Claims;
using Sitrep.Core.Events;

namespace Sitrep.Resolve.Events;

/// <summary>
/// Where the reports of one event disagree: a different count of the same thing, a different day, one source denying
/// what another asserts, a doer of the other side. Each conflict names the documents and the claims (so the sources
/// and the spans) that carry each value; nothing is resolved, the reader sees both.
/// </summary>
internal static class EventConflicts
{
    /// <param name="cluster">Every report of the event.</param>
    /// <param name="byDocument">The first report of each article, in reading order.</param>
    public static List<EventConflict> Of(List<EventResolver.Report> cluster, List<EventResolver.Report> byDocument)
    {
        var conflicts = new List<EventConflict>();
        // each article's first count of a thing (by unit) against the others'
        var documents = cluster.GroupBy(r => r.Document).Select(g => g.OrderBy(r => r.Order).ToList())
            .OrderBy(g => g[0].Order).ToList();
        var firstCounts = documents.SelectMany(d => d.SelectMany(r => r.Quantities.Select(q => (Report: r, Quantity: q)))
            .GroupBy(x => x.Quantity.Unit ?? "").Select(g => g.First()));
        foreach (var unit in firstCounts.GroupBy(x => x.Quantity.Unit ?? ""))
        {
            var counts = unit.ToList();
            if (counts.Select(q => q.Quantity.Value).Distinct().Count() > 1)
                conflicts.Add(Conflict("quantity", counts.Select(c => (c.Report, c.Quantity.Text))));
        }
        // each article's first day for it
        var days = documents.Select(d => d.FirstOrDefault(r => r.Date is { FromText: true, Days: 1 }))
            .OfType<EventResolver.Report>().ToList();
        if (days.Select(r => r.Date!.From).Distinct().Count() > 1)
            conflicts.Add(Conflict("date", days.Select(r => (r, r.Date!.Value))));
        if (byDocument.Any(r => r.Stance == Stance.Denies) && byDocument.Any(r => r.Stance != Stance.Denies))
            conflicts.Add(Conflict("status", byDocument.Select(r => (r, Claim.StanceName(r.Stance)))));
        // one side's doer against the other's, from any report (one article may carry both accounts)
        var sides = cluster.Where(r => r.Party is not null).GroupBy(r => r.Party!, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderBy(r => r.Order).First())
            .OrderBy(r => r.Order).ToList();
        if (sides.Count > 1) conflicts.Add(Conflict("actor", sides.Select(r => (r, r.Party!))));
        return conflicts;
    }

    private static EventConflict Conflict(string field, IEnumerable<(EventResolver.Report Report, string Value)> values)
    {
        var list = values.ToList();
        return new EventConflict(field, [.. list.Select(v => v.Value)], [.. list.Select(v => v.Report.Document)])
        {
            Claims = [.. list.Select(v => v.Report.Claim?.Id ?? "")],
        };
    }
}
