using Sitrep.Core.Time;
using Sitrep.Store;
using Sitrep.Text.Time;

namespace Sitrep.Pipeline.Ingest;

/// <summary>An article as collection dating sees it: its text, its header date and the date it has so far.</summary>
public sealed record DatingCandidate(string Id, string Body, PartialDate? HeaderDate, PublicationDate Published, string? DuplicateOf = null);

/// <summary>A dated article of the collection: its earliest publication day and its text.</summary>
public sealed record DatedArticle(string Id, DateOnly Day, string Body);

/// <summary>
/// Dates the articles whose own text cannot (days without a year, "on Wednesday" with nothing to count from, no date
/// at all) by the other articles of the collection: the year and the week that put their days nearest to the known
/// publication dates, the articles most alike counting most. Run after every batch.
/// </summary>
public static class CollectionDating
{
    /// <summary>Past this many dated articles the store is not one story: their days are taken as they are, unweighed.</summary>
    private const int MaxCompared = 2000;
    /// <summary>The articles that speak for an undated one: its nearest few, which keeps the work per article bounded in a large store.</summary>
    private const int MostAlike = 10;

    public static int Apply(IDocumentStore store)
    {
        var undated = store.InferredDateDocuments()
            .Select(d => new DatingCandidate(d.Id, d.Body, d.HeaderDate, d.Published, d.DuplicateOf)).ToList();
        if (undated.Count == 0) return 0;
        // a date inferred from a body is not evidence for another: only dates the pages or their sources gave count
        var inferred = undated.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var days = store.PublicationDays().Where(k => !inferred.Contains(k.Id)).ToList();
        var known = days.Count > MaxCompared
            ? days.Select(k => new DatedArticle(k.Id, k.Day, "")).ToList()
            : days.Select(k => new DatedArticle(k.Id, k.Day, store.Find(k.Id)?.Body ?? "")).ToList();
        var found = Date(undated, known);
        if (found.Count == 0) return 0;
        using var tx = store.Begin();
        foreach (var doc in undated)
            if (found.TryGetValue(doc.Id, out var date)) store.UpdatePublished(doc.Id, date, TimeTagger.Tag(doc.Body, date.AnchorDay));
        tx.Commit();
        return found.Count;
    }

    /// <summary>New dates for the articles without one or with one inferred from their body, from the articles dated otherwise.</summary>
    public static Dictionary<string, PublicationDate> Date(IReadOnlyList<DatingCandidate> undated, IReadOnlyList<DatedArticle> known)
    {
        var dated = new Dictionary<string, PublicationDate>(StringComparer.Ordinal);
        var likeness = new Likeness(undated.Select(u => u.Body).Concat(known.Select(k => k.Body)));
        foreach (var doc in undated)
        {
            var words = likeness.Words(doc.Body);
            var others = known.Where(k => k.Id != doc.Id && k.Id != doc.DuplicateOf)
                .Select(k => new CollectionDay(k.Day, likeness.Of(words, k.Body)))
                .OrderByDescending(k => k.Similarity).ThenByDescending(k => k.Day).Take(MostAlike).ToList();
            if (PublicationDateInference.InferFromCollection(doc.Body, doc.HeaderDate, others) is { } date && date != doc.Published) dated[doc.Id] = date;
        }
        return dated;
    }
}
