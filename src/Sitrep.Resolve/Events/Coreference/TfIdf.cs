namespace Sitrep.Resolve.Events.Coreference;

/// <summary>Unit-length tf-idf vectors of bags of words, sparse, and their cosine.</summary>
public sealed class TfIdf
{
    private readonly Dictionary<string, Dictionary<string, double>> _vectors;

    private TfIdf(Dictionary<string, Dictionary<string, double>> vectors) => _vectors = vectors;

    /// <summary>Weights each document's words by log-scaled count × inverse document frequency within the given set.</summary>
    public static TfIdf Build(IReadOnlyDictionary<string, IReadOnlyList<string>> documents)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var words in documents.Values) foreach (var w in words.Distinct(StringComparer.Ordinal)) df[w] = df.GetValueOrDefault(w) + 1;
        var n = documents.Count;
        var vectors = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (id, words) in documents) vectors[id] = Vector(words, w => Math.Log((1.0 + n) / (1.0 + df.GetValueOrDefault(w))) + 1);
        return new TfIdf(vectors);
    }

    public static Dictionary<string, double> Vector(IEnumerable<string> words, Func<string, double> weight)
    {
        var v = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var g in words.GroupBy(w => w, StringComparer.Ordinal)) v[g.Key] = (1 + Math.Log(g.Count())) * weight(g.Key);
        var norm = Math.Sqrt(v.Values.Sum(x => x * x));
        if (norm > 0) foreach (var k in v.Keys.ToList()) v[k] /= norm;
        return v;
    }

    public double Cosine(string a, string b) =>
        _vectors.TryGetValue(a, out var x) && _vectors.TryGetValue(b, out var y) ? Cosine(x, y) : 0;

    public static double Cosine(Dictionary<string, double> x, Dictionary<string, double> y)
    {
        if (x.Count > y.Count) (x, y) = (y, x);
        double dot = 0;
        foreach (var (k, v) in x) if (y.TryGetValue(k, out var w)) dot += v * w;
        return dot;
    }

    public IEnumerable<string> Documents => _vectors.Keys;
}
