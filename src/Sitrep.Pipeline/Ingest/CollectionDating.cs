using Sitrep.Store;
using Sitrep.Text.Time;

namespace Sitrep.Pipeline.Ingest;

/// <summary>
/// Dates the articles whose text gives days but no year ("signed on March 7", "on Wednesday") by the other articles
/// of the collection: the year that puts those days nearest to the known publication dates. Run after every batch.
/// </summary>
public static class CollectionDating
{
    public static int Apply(IDocumentStore store)
    {
        var undated = store.UndatedDocuments().ToList();
        if (undated.Count == 0) return 0;
        var known = store.PublicationDays();
        var dated = 0;
        using var tx = store.Begin();
        foreach (var doc in undated)
        {
            var first = PublicationDateInference.Infer(doc.Body, doc.HeaderDate);
            if (!first.NeedsYear) continue;
            var others = known.Where(k => k.Id != doc.Id && k.Id != doc.DuplicateOf).Select(k => k.Day).ToList();
            if (PublicationDateInference.YearFromCollection(first.NeedsYearFor, others) is not { } year) continue;
            var second = PublicationDateInference.Infer(doc.Body, doc.HeaderDate, year);
            if (second.Date.Value is null) continue;
            store.UpdatePublished(doc.Id, second.Date, TimeTagger.Tag(doc.Body, second.Date.AnchorDay));
            dated++;
        }
        tx.Commit();
        return dated;
    }
}
