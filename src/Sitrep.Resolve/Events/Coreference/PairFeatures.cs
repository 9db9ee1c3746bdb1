namespace Sitrep.Resolve.Events.Coreference;

/// <summary>
/// The features of a pair of event mentions for the pairwise model. Argument features come in twos: how much the two
/// mentions' arguments overlap, and whether both have some and none agree (a different date or place is evidence of a
/// different event; a missing one is not).
/// </summary>
public static class PairFeatures
{
    public static readonly string[] Names =
    [
        "bias", "same_head", "shared_stem", "head_trigram", "meaning", "document", "same_document", "same_document_cluster",
        "same_head_x_document", "times_overlap", "times_differ", "places_overlap", "places_differ",
        "participants_overlap", "participants_differ", "figures_overlap", "figures_differ", "context_overlap", "same_sentence", "stem_pair_rate", "stem_pair_seen",
        "same_head_x_same_document", "stem_pair_rate_x_document", "meaning_x_document", "head_cluster",
    ];

    public static int Count => Names.Length;

    /// <param name="documentSimilarity">tf-idf cosine of the two mentions' documents</param>
    /// <param name="sameDocumentCluster">whether document clustering put the two documents together</param>
    /// <param name="prior">trigger stem pair rates from training data, or null</param>
    public static void Of(EventMentionInfo a, EventMentionInfo b, double documentSimilarity, bool sameDocumentCluster, StemPairPrior? prior, Span<float> f)
    {
        var sameHead = a.HeadStem == b.HeadStem;
        f[0] = 1;
        f[1] = sameHead ? 1 : 0;
        f[2] = a.Stems.Any(s => b.Stems.Contains(s)) ? 1 : 0;
        f[3] = (float)Trigrams(a.HeadStem, b.HeadStem);
        f[4] = (float)Meaning(a, b);
        f[5] = (float)documentSimilarity;
        f[6] = a.Document == b.Document ? 1 : 0;
        f[7] = sameDocumentCluster ? 1 : 0;
        f[8] = sameHead ? (float)documentSimilarity : 0;
        (f[9], f[10]) = Overlap(a.Times, b.Times);
        (f[11], f[12]) = Overlap(a.Places, b.Places);
        (f[13], f[14]) = Overlap(a.Participants, b.Participants);
        (f[15], f[16]) = Overlap(a.Figures, b.Figures);
        f[17] = (float)Jaccard(a.Context, b.Context);
        f[18] = a.Document == b.Document && a.Sentence == b.Sentence ? 1 : 0;
        var (rate, seen) = prior?.Of(a.HeadStem, b.HeadStem) ?? (0, 0);
        f[19] = (float)rate;
        f[20] = (float)seen;
        f[21] = f[1] * f[6];
        f[22] = f[19] * f[5];
        f[23] = f[4] * f[5];
        f[24] = (float)SharedPrefix(a.HeadCluster, b.HeadCluster);
    }

    private static (float Overlap, float Differ) Overlap(IReadOnlyCollection<string> a, IReadOnlyCollection<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return (0, 0);
        var shared = a.Count(b.Contains);
        return (shared > 0 ? 1 : 0, shared == 0 ? 1 : 0);
    }

    /// <summary>The sentence encoder's cosine when both mentions have a vector, else the cosine of their sentences' words.</summary>
    private static double Meaning(EventMentionInfo a, EventMentionInfo b)
    {
        if (a.SentenceVector is { } x && b.SentenceVector is { } y && x.Length == y.Length)
        {
            double dot = 0, nx = 0, ny = 0;
            for (var i = 0; i < x.Length; i++) { dot += x[i] * y[i]; nx += x[i] * x[i]; ny += y[i] * y[i]; }
            return nx == 0 || ny == 0 ? 0 : dot / Math.Sqrt(nx * ny);
        }
        var set = a.Context.ToHashSet(StringComparer.Ordinal);
        var shared = b.Context.Distinct(StringComparer.Ordinal).Count(set.Contains);
        return set.Count == 0 || b.Context.Count == 0 ? 0 : shared / Math.Sqrt(set.Count * (double)b.Context.Distinct(StringComparer.Ordinal).Count());
    }

    private static double Jaccard(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var x = a.ToHashSet(StringComparer.Ordinal);
        var y = b.ToHashSet(StringComparer.Ordinal);
        var union = x.Count + y.Count - x.Count(y.Contains);
        return union == 0 ? 0 : (double)x.Count(y.Contains) / union;
    }

    /// <summary>How far two words' cluster paths agree (1: same cluster; 0: split at the root, or no cluster).</summary>
    private static double SharedPrefix(string? a, string? b)
    {
        if (a is null || b is null || a.Length == 0 || b.Length == 0) return 0;
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return (double)n / Math.Max(a.Length, b.Length);
    }

    /// <summary>Dice coefficient of character trigrams: "attack"/"attacker" are near, "attack"/"arrest" are not.</summary>
    private static double Trigrams(string a, string b)
    {
        if (a == b) return 1;
        static HashSet<string> Grams(string s)
        {
            var p = $"^{s}$";
            var g = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i + 3 <= p.Length; i++) g.Add(p.Substring(i, 3));
            return g;
        }
        var x = Grams(a);
        var y = Grams(b);
        return x.Count + y.Count == 0 ? 0 : 2.0 * x.Count(y.Contains) / (x.Count + y.Count);
    }
}
