namespace Sitrep.Resolve.Events.Coreference;

/// <summary>
/// Cross-document event coreference over one set of documents (an ECB+ topic, or the candidate reports of a story):
/// documents are first clustered by tf-idf cosine, since reports of one real event share their vocabulary, then the
/// mentions inside each document cluster by the pairwise model's probability, both with average link.
/// </summary>
public sealed class EventCoreference(PairwiseModel model, StemPairPrior? prior = null)
{
    public PairwiseModel Model => model;

    /// <summary>When false, document clusters are only a feature and mentions of any documents may join.</summary>
    public bool WithinDocumentClusters { get; init; } = true;

    /// <summary>Cluster id of each mention (a string that is the same for mentions of one event).</summary>
    public Dictionary<string, string> Cluster(IReadOnlyList<EventMentionInfo> mentions, IReadOnlyDictionary<string, IReadOnlyList<string>> documents)
    {
        var tfidf = TfIdf.Build(documents);
        var documentCluster = DocumentClusters(tfidf, documents.Keys, model.DocumentThreshold);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = WithinDocumentClusters
            ? mentions.GroupBy(m => documentCluster.GetValueOrDefault(m.Document, m.Document), StringComparer.Ordinal).Select(g => g.ToList())
            : [mentions.ToList()];
        var features = new float[PairFeatures.Count];
        var next = 0;
        foreach (var group in groups)
        {
            var labels = Agglomerative.Cluster(group.Count, (i, j) =>
            {
                Features(group[i], group[j], tfidf, documentCluster, prior, features);
                return model.Probability(features);
            }, model.MentionThreshold);
            var first = next;
            for (var i = 0; i < group.Count; i++) result[group[i].Id] = $"e{first + labels[i]}";
            next += group.Count;
        }
        return result;
    }

    public static void Features(EventMentionInfo a, EventMentionInfo b, TfIdf tfidf, IReadOnlyDictionary<string, string> documentCluster,
        StemPairPrior? prior, Span<float> features) =>
        PairFeatures.Of(a, b, a.Document == b.Document ? 1 : tfidf.Cosine(a.Document, b.Document),
            documentCluster.GetValueOrDefault(a.Document) is { } x && x == documentCluster.GetValueOrDefault(b.Document), prior, features);

    /// <summary>Document → cluster id, by average-link clustering of the documents' tf-idf vectors.</summary>
    public static Dictionary<string, string> DocumentClusters(TfIdf tfidf, IEnumerable<string> documents, double threshold)
    {
        var ids = documents.OrderBy(d => d, StringComparer.Ordinal).ToArray();
        var labels = Agglomerative.Cluster(ids.Length, (i, j) => tfidf.Cosine(ids[i], ids[j]), threshold);
        return ids.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => ids[labels[x.i]], StringComparer.Ordinal);
    }

    /// <summary>
    /// Training pairs of one set of documents: every pair of mentions, labelled by whether their gold chains agree.
    /// </summary>
    public static IEnumerable<(float[] Features, bool Same)> Pairs(IReadOnlyList<EventMentionInfo> mentions, IReadOnlyDictionary<string, string> gold,
        IReadOnlyDictionary<string, IReadOnlyList<string>> documents, double documentThreshold, StemPairPrior? prior)
    {
        var tfidf = TfIdf.Build(documents);
        var documentCluster = DocumentClusters(tfidf, documents.Keys, documentThreshold);
        for (var i = 0; i < mentions.Count; i++)
            for (var j = i + 1; j < mentions.Count; j++)
            {
                var f = new float[PairFeatures.Count];
                Features(mentions[i], mentions[j], tfidf, documentCluster, prior, f);
                yield return (f, gold[mentions[i].Id] == gold[mentions[j].Id]);
            }
    }
}
