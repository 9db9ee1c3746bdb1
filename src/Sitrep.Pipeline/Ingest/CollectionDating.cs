using Sitrep.Core.Time;
using Sitrep.Store;
using Sitrep.Text.Time;

namespace Sitrep.Pipeline.Ingest;

/// <summary>An article as collection dating sees it: its text, its header date and the date it has so far.</summary>
public sealed record DatingCandidate(string Id, string Body, PartialDate? HeaderDate, PublicationDate Published, string? DuplicateOf = null);

/// <summary>
/// Dates the articles whose own text cannot (days without a year, "on Wednesday" with nothing to count from) by the
/// other articles of the collection: the year, and the week, that put those days nearest to the known publication
/// dates. Run after every batch.
/// </summary>
public static class CollectionDating
{
    public static int Apply(IDocumentStore store)
    {
        var undated = store.UndatedDocuments()
            .Select(d => new DatingCandidate(d.Id, d.Body, d.HeaderDate, d.Published, d.DuplicateOf)).ToList();
        if (undated.Count == 0) return 0;
        var known = store.PublicationDays();
        var found = Date(undated, known);
        if (found.Count == 0) return 0;
        using var tx = store.Begin();
        foreach (var (id, date) in found)
            store.UpdatePublished(id, date, TimeTagger.Tag(undated.First(u => u.Id == id).Body, date.AnchorDay));
        tx.Commit();
        return found.Count;
    }

    /// <summary>New dates for the undated articles, from the earliest publication days of the others.</summary>
    public static Dictionary<string, PublicationDate> Date(IReadOnlyList<DatingCandidate> undated, IReadOnlyList<(string Id, DateOnly Day)> known)
    {
        var dated = new Dictionary<string, PublicationDate>(StringComparer.Ordinal);
        foreach (var doc in undated)
        {
            var others = known.Where(k => k.Id != doc.Id && k.Id != doc.DuplicateOf).Select(k => k.Day).ToList();
            if (PublicationDateInference.InferFromCollection(doc.Body, doc.HeaderDate, others) is { Value: not null } date) dated[doc.Id] = date;
        }
        return dated;
    }
}
