namespace Sitrep.Resolve.Events.Coreference;

/// <summary>Recall, precision and F1 of one coreference metric.</summary>
public readonly record struct MetricScore(double Recall, double Precision)
{
    public double F1 => Recall + Precision == 0 ? 0 : 2 * Recall * Precision / (Recall + Precision);
}

/// <summary>MUC, B³ and CEAF-e of a response partition against a key partition, and their mean, the CoNLL F1.</summary>
public sealed record CorefScore(MetricScore Muc, MetricScore BCubed, MetricScore CeafE)
{
    public double ConllF1 => (Muc.F1 + BCubed.F1 + CeafE.F1) / 3;
}

/// <summary>
/// The standard coreference metrics as the CoNLL-2012 reference scorer computes them (Pradhan et al. 2014): singletons
/// are clusters like any other; a mention only one side has counts against the other side (a key mention the response
/// lacks lowers recall, a response mention the key lacks lowers precision). Partitions are given as mention → cluster id.
/// </summary>
public static class CorefScores
{
    public static CorefScore Score<TMention>(IReadOnlyDictionary<TMention, string> key, IReadOnlyDictionary<TMention, string> response)
        where TMention : notnull
    {
        var keyClusters = Clusters(key);
        var responseClusters = Clusters(response);
        return new CorefScore(
            new MetricScore(Muc(keyClusters, response), Muc(responseClusters, key)),
            new MetricScore(BCubed(keyClusters, response, responseClusters), BCubed(responseClusters, key, keyClusters)),
            CeafE(keyClusters, responseClusters, key, response));
    }

    private static List<List<T>> Clusters<T>(IReadOnlyDictionary<T, string> partition) where T : notnull =>
        partition.GroupBy(kv => kv.Value, StringComparer.Ordinal).Select(g => g.Select(kv => kv.Key).ToList()).ToList();

    /// <summary>Vilain et al. 1995: links kept of each cluster, counting mentions the other side lacks as parts of their own.</summary>
    private static double Muc<T>(List<List<T>> clusters, IReadOnlyDictionary<T, string> other) where T : notnull
    {
        double found = 0, total = 0;
        foreach (var c in clusters)
        {
            var parts = c.Where(other.ContainsKey).Select(m => other[m]).Distinct(StringComparer.Ordinal).Count() + c.Count(m => !other.ContainsKey(m));
            found += c.Count - parts;
            total += c.Count - 1;
        }
        return total == 0 ? 0 : found / total;
    }

    /// <summary>Bagga and Baldwin 1998: per mention, the share of its cluster that the other side puts with it.</summary>
    private static double BCubed<T>(List<List<T>> clusters, IReadOnlyDictionary<T, string> other, List<List<T>> otherClusters) where T : notnull
    {
        var otherSets = otherClusters.ToDictionary(c => other[c[0]], c => c.ToHashSet(), StringComparer.Ordinal);
        double sum = 0;
        var mentions = 0;
        foreach (var c in clusters)
        {
            mentions += c.Count;
            foreach (var m in c)
                if (other.TryGetValue(m, out var id)) sum += (double)c.Count(otherSets[id].Contains) / c.Count;
        }
        return mentions == 0 ? 0 : sum / mentions;
    }

    /// <summary>
    /// Luo 2005, entity-based: the best one-to-one alignment of key and response clusters by φ4 = 2|K∩R| / (|K|+|R|).
    /// Clusters that share no mention never align, so each group of overlapping clusters is aligned on its own.
    /// </summary>
    private static MetricScore CeafE<T>(List<List<T>> keyClusters, List<List<T>> responseClusters,
        IReadOnlyDictionary<T, string> key, IReadOnlyDictionary<T, string> response) where T : notnull
    {
        if (keyClusters.Count == 0 || responseClusters.Count == 0) return new MetricScore(0, 0);
        var keyIndex = keyClusters.Select((c, i) => (key[c[0]], i)).ToDictionary(x => x.Item1, x => x.i, StringComparer.Ordinal);
        var responseIndex = responseClusters.Select((c, i) => (response[c[0]], i)).ToDictionary(x => x.Item1, x => x.i, StringComparer.Ordinal);
        // overlaps[k][r] = |K ∩ R|
        var overlaps = keyClusters.Select(_ => new Dictionary<int, int>()).ToArray();
        foreach (var (m, k) in key)
            if (response.TryGetValue(m, out var r))
            {
                var o = overlaps[keyIndex[k]];
                o[responseIndex[r]] = o.GetValueOrDefault(responseIndex[r]) + 1;
            }
        // connected groups of key and response clusters over shared mentions
        var parent = Enumerable.Range(0, keyClusters.Count + responseClusters.Count).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        for (var k = 0; k < overlaps.Length; k++)
            foreach (var r in overlaps[k].Keys) parent[Find(k)] = Find(keyClusters.Count + r);
        double similarity = 0;
        foreach (var group in Enumerable.Range(0, parent.Length).GroupBy(Find))
        {
            var ks = group.Where(i => i < keyClusters.Count).ToArray();
            var rs = group.Where(i => i >= keyClusters.Count).Select(i => i - keyClusters.Count).ToArray();
            if (ks.Length == 0 || rs.Length == 0) continue;
            var phi = new double[ks.Length, rs.Length];
            for (var a = 0; a < ks.Length; a++)
                for (var b = 0; b < rs.Length; b++)
                    phi[a, b] = 2.0 * overlaps[ks[a]].GetValueOrDefault(rs[b]) / (keyClusters[ks[a]].Count + responseClusters[rs[b]].Count);
            similarity += Assignment.MaximumWeight(phi);
        }
        return new MetricScore(similarity / keyClusters.Count, similarity / responseClusters.Count);
    }
}

/// <summary>The Hungarian method (Kuhn–Munkres) for the best one-to-one assignment of rows to columns.</summary>
public static class Assignment
{
    /// <summary>The largest total weight of a matching of rows to columns, each used at most once.</summary>
    public static double MaximumWeight(double[,] weight)
    {
        int rows = weight.GetLength(0), columns = weight.GetLength(1);
        var transpose = rows > columns;
        int n = Math.Min(rows, columns), m = Math.Max(rows, columns);
        double Cost(int i, int j) => -(transpose ? weight[j - 1, i - 1] : weight[i - 1, j - 1]);
        // potentials and matching over 1-based rows (the smaller side) and columns; column 0 is a sentinel
        var u = new double[n + 1];
        var v = new double[m + 1];
        var match = new int[m + 1];
        var way = new int[m + 1];
        for (var i = 1; i <= n; i++)
        {
            match[0] = i;
            var j0 = 0;
            var minv = Enumerable.Repeat(double.PositiveInfinity, m + 1).ToArray();
            var used = new bool[m + 1];
            do
            {
                used[j0] = true;
                int i0 = match[j0], j1 = 0;
                var delta = double.PositiveInfinity;
                for (var j = 1; j <= m; j++)
                {
                    if (used[j]) continue;
                    var current = Cost(i0, j) - u[i0] - v[j];
                    if (current < minv[j]) { minv[j] = current; way[j] = j0; }
                    if (minv[j] < delta) { delta = minv[j]; j1 = j; }
                }
                for (var j = 0; j <= m; j++)
                    if (used[j]) { u[match[j]] += delta; v[j] -= delta; }
                    else minv[j] -= delta;
                j0 = j1;
            } while (match[j0] != 0);
            do { var j1 = way[j0]; match[j0] = match[j1]; j0 = j1; } while (j0 != 0);
        }
        double total = 0;
        for (var j = 1; j <= m; j++) if (match[j] != 0) total -= Cost(match[j], j);
        return total;
    }
}
