using Sitrep.Ingest;
using Sitrep.Store;

namespace Sitrep.Pipeline.Ingest;

public sealed record ReprocessSummary(int Documents, int Changed, int Failed, int DatedFromCollection, double Seconds);

/// <summary>
/// Re-derives every stored document from its raw bytes with the current pipeline, in the order they were first stored,
/// so that duplicate links again point at the earliest copy.
/// </summary>
public static class Reprocessor
{
    public static ReprocessSummary Run(IDocumentStore store, DocumentReader reader, Action<string, string>? onFailure = null, Action<int, int>? onProgress = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // one document at a time, by id: a store larger than memory reprocesses as well as a small one
        var ids = store.DocumentIds();
        var total = ids.Count;
        var earlier = new HashSet<string>();
        int done = 0, changed = 0, failed = 0;
        using (var tx = store.Begin())
        {
            foreach (var id in ids)
            {
                if (store.Raw(id) is not { } raw || store.Find(id) is not { } old) continue;
                try
                {
                    var doc = reader.Read(raw.Source, raw.Bytes, raw.Hints);
                    var (copy, of) = Duplicates.Find(store, doc with { Id = raw.Id }, earlier);
                    doc = doc with { Id = raw.Id, Source = raw.Source, DuplicateOf = copy == Copy.None ? null : of };
                    if (old.Body != doc.Body || old.EntityModel != doc.EntityModel || old.Title != doc.Title || old.Published != doc.Published || old.DuplicateOf != doc.DuplicateOf || old.Author != doc.Author
                        || !store.Mentions(raw.Id).SequenceEqual(doc.Mentions) || !store.Claims(raw.Id).SequenceEqual(doc.Claims)
                        || !store.Events(raw.Id).Select(e => (e.Type, e.Trigger)).SequenceEqual(doc.Events.Select(e => (e.Type, e.Trigger))))
                        changed++;
                    store.Update(doc);
                }
                catch (InputRejectedException e)
                {
                    failed++;
                    onFailure?.Invoke(raw.Source, e.Message);
                }
                // the stored document stays as it was; the fault is named so it can be reported
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failed++;
                    onFailure?.Invoke(raw.Source, $"internal error while reading it ({e.GetType().Name}: {e.Message}); please report it with the file");
                }
                earlier.Add(raw.Id);
                onProgress?.Invoke(++done, total);
            }
            tx.Commit();
        }
        var dated = CollectionDating.Apply(store);
        return new ReprocessSummary(total, changed, failed, dated, clock.Elapsed.TotalSeconds);
    }
}
