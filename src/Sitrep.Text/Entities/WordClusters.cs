namespace Sitrep.Text.Entities;

/// <summary>
/// Hierarchical word clusters from unlabelled text, as bit paths like Brown clusters ("0110…"): words are described by
/// their left and right neighbours (positive PMI over the most frequent words), projected to 64 dimensions by a seeded
/// random matrix, and split in two by 2-means again and again. Words used alike share long prefixes, so the entity
/// model can generalise from "Kherson" to a city it never saw labelled. Deterministic for a given text and seed.
/// </summary>
public static class WordClusters
{
    private const int Dimensions = 64;

    /// <summary>A word, its cluster path, and how often it is capitalised away from the start of a sentence (0–9, tenths).</summary>
    public static List<(string Word, string Path, int Capitalised)> Build(IEnumerable<string[]> sentences, int minCount = 3, int contextWords = 1000, int depth = 20, int seed = 1)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var midSentence = new Dictionary<string, (int Capitalised, int All)>(StringComparer.Ordinal);
        var corpus = new List<string[]>();
        foreach (var s in sentences)
        {
            var lower = s.Select(w => w.ToLowerInvariant()).ToArray();
            corpus.Add(lower);
            for (var k = 0; k < s.Length; k++)
            {
                counts[lower[k]] = counts.GetValueOrDefault(lower[k]) + 1;
                if (k == 0 || !char.IsLetter(s[k][0]) || (s[k].Length > 1 && s[k].All(c => !char.IsLower(c)))) continue;
                var (cap, all) = midSentence.GetValueOrDefault(lower[k]);
                midSentence[lower[k]] = (cap + (char.IsUpper(s[k][0]) ? 1 : 0), all + 1);
            }
        }
        var vocab = counts.Where(c => c.Value >= minCount).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key).ToArray();
        var index = vocab.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => x.i, StringComparer.Ordinal);
        var contexts = Math.Min(contextWords, vocab.Length);

        // left and right neighbour counts against the most frequent words
        var cooc = new Dictionary<int, float>[vocab.Length];
        for (var i = 0; i < cooc.Length; i++) cooc[i] = [];
        var contextTotals = new double[2 * contexts + 2];
        double total = 0;
        foreach (var s in corpus)
            for (var k = 0; k < s.Length; k++)
            {
                if (!index.TryGetValue(s[k], out var w)) continue;
                var left = k == 0 ? contexts : index.GetValueOrDefault(s[k - 1], int.MaxValue);
                var right = k == s.Length - 1 ? contexts : index.GetValueOrDefault(s[k + 1], int.MaxValue);
                if (left <= contexts) Bump(cooc[w], left);
                if (right <= contexts) Bump(cooc[w], contexts + 1 + right);
            }
        foreach (var row in cooc) foreach (var (c, n) in row) { contextTotals[c] += n; total += n; }

        // positive PMI, then a seeded ±1 random projection
        var random = new Random(seed);
        var projection = new float[(2 * contexts + 2) * Dimensions];
        for (var i = 0; i < projection.Length; i++) projection[i] = random.Next(2) == 0 ? -1 : 1;
        var vectors = new float[vocab.Length][];
        for (var w = 0; w < vocab.Length; w++)
        {
            var v = new float[Dimensions];
            double rowTotal = cooc[w].Values.Sum();
            foreach (var (c, n) in cooc[w])
            {
                var pmi = Math.Log(n * total / (rowTotal * contextTotals[c]));
                if (pmi <= 0) continue;
                for (var d = 0; d < Dimensions; d++) v[d] += (float)pmi * projection[c * Dimensions + d];
            }
            var norm = MathF.Sqrt(v.Sum(x => x * x));
            if (norm > 0) for (var d = 0; d < Dimensions; d++) v[d] /= norm;
            vectors[w] = v;
        }

        var paths = new string[vocab.Length];
        Split(Enumerable.Range(0, vocab.Length).ToArray(), "", depth, vectors, paths, random);
        int Capitalised(string w) => midSentence.TryGetValue(w, out var c) && c.All > 0 ? Math.Min(9, 10 * c.Capitalised / c.All) : -1;
        return vocab.Select((w, i) => (w, paths[i], Capitalised(w))).OrderBy(x => x.Item2, StringComparer.Ordinal).ThenBy(x => x.w, StringComparer.Ordinal).ToList();
    }

    private static void Bump(Dictionary<int, float> row, int c) => row[c] = row.GetValueOrDefault(c) + 1;

    private static void Split(int[] members, string path, int depth, float[][] vectors, string[] paths, Random random)
    {
        if (members.Length <= 2 || path.Length >= depth)
        {
            foreach (var m in members) paths[m] = path.Length == 0 ? "0" : path;
            return;
        }
        // 2-means seeded by the most frequent member and the member farthest from it
        var a = (float[])vectors[members[0]].Clone();
        var b = (float[])vectors[members.MaxBy(m => Distance(vectors[m], a))].Clone();
        var side = new bool[members.Length];
        for (var iteration = 0; iteration < 8; iteration++)
        {
            for (var i = 0; i < members.Length; i++) side[i] = Distance(vectors[members[i]], b) < Distance(vectors[members[i]], a);
            if (!Recentre(members, side, false, vectors, a) || !Recentre(members, side, true, vectors, b)) break;
        }
        var left = members.Where((_, i) => !side[i]).ToArray();
        var right = members.Where((_, i) => side[i]).ToArray();
        if (left.Length == 0 || right.Length == 0)
        {
            // identical vectors: split by frequency rank so that the tree still ends
            left = members[..(members.Length / 2)];
            right = members[(members.Length / 2)..];
        }
        Split(left, path + "0", depth, vectors, paths, random);
        Split(right, path + "1", depth, vectors, paths, random);
    }

    private static bool Recentre(int[] members, bool[] side, bool which, float[][] vectors, float[] centre)
    {
        Array.Clear(centre);
        var n = 0;
        for (var i = 0; i < members.Length; i++)
        {
            if (side[i] != which) continue;
            n++;
            var v = vectors[members[i]];
            for (var d = 0; d < centre.Length; d++) centre[d] += v[d];
        }
        if (n == 0) return false;
        for (var d = 0; d < centre.Length; d++) centre[d] /= n;
        return true;
    }

    private static float Distance(float[] x, float[] y)
    {
        var s = 0f;
        for (var d = 0; d < x.Length; d++) { var t = x[d] - y[d]; s += t * t; }
        return s;
    }
}
