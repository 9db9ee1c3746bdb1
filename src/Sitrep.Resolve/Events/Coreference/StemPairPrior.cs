using System.Globalization;

namespace Sitrep.Resolve.Events.Coreference;

/// <summary>
/// How often two trigger stems named one event in the training data ("kill"/"shoot" often, "say"/"say" seldom across
/// documents): counts of coreferent and all pairs per unordered stem pair, turned into a smoothed rate. It carries what
/// a sentence encoder would know of trigger meaning, as far as the training topics show it.
/// </summary>
public sealed class StemPairPrior
{
    private readonly Dictionary<(string, string), (int Same, int All)> _counts = [];
    private int _same, _all;

    /// <summary>Pseudo-counts of the overall rate added to each pair's counts.</summary>
    private const double Smoothing = 2;

    private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    public void Add(string a, string b, bool same)
    {
        var key = Key(a, b);
        var (s, n) = _counts.GetValueOrDefault(key);
        _counts[key] = (s + (same ? 1 : 0), n + 1);
        _same += same ? 1 : 0;
        _all++;
    }

    public double Overall => _all == 0 ? 0 : (double)_same / _all;

    /// <summary>The smoothed rate of the pair, and how much evidence there is for it (0 unseen … 1 often seen).</summary>
    public (double Rate, double Seen) Of(string a, string b)
    {
        var (s, n) = _counts.GetValueOrDefault(Key(a, b));
        return ((s + Smoothing * Overall) / (n + Smoothing), n / (n + Smoothing));
    }

    /// <summary>Pairs seen at least <paramref name="minCount"/> times, as "stem, stem, coreferent, all" lines.</summary>
    public void Save(string path, int minCount = 2)
    {
        var lines = new List<string> { "# trigger stem pairs in ECB+ training topics: stem, stem, pairs naming one event, all pairs", $"*\t*\t{_same}\t{_all}" };
        lines.AddRange(_counts.Where(kv => kv.Value.All >= minCount).OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key.Item1}\t{kv.Key.Item2}\t{kv.Value.Same}\t{kv.Value.All}"));
        File.WriteAllLines(path, lines);
    }

    public static StemPairPrior Load(string path)
    {
        var prior = new StemPairPrior();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var c = line.Split('\t');
            if (c.Length != 4 || !int.TryParse(c[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var same)
                              || !int.TryParse(c[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var all))
                throw new InvalidDataException($"{path}: '{line}' is not 'stem<TAB>stem<TAB>count<TAB>count'");
            if (c[0] == "*") (prior._same, prior._all) = (same, all);
            else prior._counts[Key(c[0], c[1])] = (same, all);
        }
        return prior;
    }
}
