using Sitrep.Core.Documents;
using Sitrep.Ingest.Dedup;
using Sitrep.Store;

namespace Sitrep.Pipeline.Ingest;

public enum Copy { None, Exact, Near }

/// <summary>Finds the earlier stored article a document copies: the same normalised text, or a syndicated near-copy.</summary>
public static class Duplicates
{
    /// <param name="earlier">When given, only these documents count as earlier (used when re-deriving a whole store in order).</param>
    public static (Copy Kind, string? Of) Find(IDocumentStore store, Document doc, IReadOnlySet<string>? earlier = null)
    {
        var exact = store.FindByTextHash(doc.Fingerprint.TextHash);
        if (exact is not null && exact != doc.Id && (earlier is null || earlier.Contains(exact))) return (Copy.Exact, exact);

        HashSet<ulong>? shingles = null;
        foreach (var (candidate, signature) in store.FindByBandKeys(doc.Fingerprint.BandKeys, Fingerprinter.MinSharedBands))
        {
            if (candidate == doc.Id || (earlier is not null && !earlier.Contains(candidate))) continue;
            if (signature is not null && doc.Fingerprint.Signature is { } own && Fingerprinter.Estimate(own, signature) < Fingerprinter.ScreeningThreshold) continue;
            if (store.GetBody(candidate) is not { } body) continue;
            shingles ??= Fingerprinter.Shingles(doc.Body);
            if (Fingerprinter.Jaccard(shingles, Fingerprinter.Shingles(body)) >= Fingerprinter.NearDuplicateThreshold)
                return (Copy.Near, store.Find(candidate)?.DuplicateOf ?? candidate);
        }
        return (Copy.None, null);
    }
}
