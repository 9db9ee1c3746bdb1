namespace Sitrep.Pipeline.Ingest;

/// <summary>
/// How much two articles share: the cosine of their sets of words, each word weighed by how rare it is in the
/// collection (names and the words of one event count, "said" and "Ukraine" barely).
/// </summary>
internal sealed class Likeness
{
    private readonly Dictionary<string, double> weights = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> seen = new(StringComparer.Ordinal);

    public Likeness(IEnumerable<string> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 0;
        foreach (var text in texts)
        {
            n++;
            foreach (var w in Words(text)) counts[w] = counts.GetValueOrDefault(w) + 1;
        }
        foreach (var (w, df) in counts) weights[w] = Math.Log((n + 1.0) / df);
    }

    /// <summary>The distinct lower-case words of four letters or more.</summary>
    public HashSet<string> Words(string text)
    {
        if (seen.TryGetValue(text, out var known)) return known;
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                if (i - start >= 4) words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        seen[text] = words;
        return words;
    }

    public double Of(HashSet<string> a, string other)
    {
        var b = Words(other);
        if (a.Count == 0 || b.Count == 0) return 0;
        double shared = 0, na = 0, nb = 0;
        foreach (var w in a)
        {
            var x = weights.GetValueOrDefault(w) is var v && v > 0 ? v * v : 0;
            na += x;
            if (b.Contains(w)) shared += x;
        }
        foreach (var w in b) nb += weights.GetValueOrDefault(w) is var v && v > 0 ? v * v : 0;
        return na == 0 || nb == 0 ? 0 : shared / Math.Sqrt(na * nb);
    }
}
