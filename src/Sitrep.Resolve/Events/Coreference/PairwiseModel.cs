using System.Globalization;

namespace Sitrep.Resolve.Events.Coreference;

/// <summary>
/// Logistic regression over <see cref="PairFeatures"/>: the probability that two event mentions name one real event.
/// Stored as a small text file (feature, tab, weight; then the clustering thresholds) anyone can read.
/// </summary>
public sealed class PairwiseModel
{
    public float[] Weights { get; }

    /// <summary>Average-link threshold on the pair probability, chosen on dev.</summary>
    public double MentionThreshold { get; set; } = 0.5;

    /// <summary>Average-link threshold on the documents' tf-idf cosine, chosen on dev.</summary>
    public double DocumentThreshold { get; set; } = 0.2;

    public PairwiseModel(float[] weights) => Weights = weights;

    public double Probability(ReadOnlySpan<float> features)
    {
        double z = 0;
        for (var i = 0; i < features.Length; i++) z += Weights[i] * features[i];
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Plain gradient descent on the mean log loss with a little L2, full batch, from zero: deterministic.</summary>
    public static PairwiseModel Train(IReadOnlyList<float[]> examples, IReadOnlyList<bool> labels, int iterations = 1000, double rate = 2.0, double l2 = 1e-4)
    {
        var d = PairFeatures.Count;
        var w = new double[d];
        var gradient = new double[d];
        for (var it = 0; it < iterations; it++)
        {
            Array.Clear(gradient);
            for (var n = 0; n < examples.Count; n++)
            {
                var x = examples[n];
                double z = 0;
                for (var i = 0; i < d; i++) z += w[i] * x[i];
                var p = 1 / (1 + Math.Exp(-z));
                var g = p - (labels[n] ? 1 : 0);
                for (var i = 0; i < d; i++) gradient[i] += g * x[i];
            }
            for (var i = 0; i < d; i++) w[i] -= rate * (gradient[i] / examples.Count + l2 * w[i]);
        }
        return new PairwiseModel(w.Select(x => (float)x).ToArray());
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var lines = new List<string> { "# event coreference: logistic regression weights of the pair features, then the clustering thresholds" };
        lines.AddRange(PairFeatures.Names.Select((n, i) => $"{n}\t{Weights[i].ToString("R", CultureInfo.InvariantCulture)}"));
        lines.Add($"threshold.mentions\t{MentionThreshold.ToString("R", CultureInfo.InvariantCulture)}");
        lines.Add($"threshold.documents\t{DocumentThreshold.ToString("R", CultureInfo.InvariantCulture)}");
        File.WriteAllLines(path, lines);
    }

    public static PairwiseModel Load(string path)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split('\t');
            if (cells.Length != 2 || !double.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                throw new InvalidDataException($"{path}: '{line}' is not 'name<TAB>number'");
            values[cells[0]] = v;
        }
        var missing = PairFeatures.Names.FirstOrDefault(n => !values.ContainsKey(n));
        if (missing is not null) throw new InvalidDataException($"{path}: no weight for the feature '{missing}' (retrain with 'sitrep train coref')");
        return new PairwiseModel(PairFeatures.Names.Select(n => (float)values[n]).ToArray())
        {
            MentionThreshold = values.GetValueOrDefault("threshold.mentions", 0.5),
            DocumentThreshold = values.GetValueOrDefault("threshold.documents", 0.2),
        };
    }
}
