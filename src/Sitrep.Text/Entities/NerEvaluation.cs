using System.Diagnostics;

namespace Sitrep.Text.Entities;

public sealed record Prf(double Precision, double Recall, double F1, int Gold, int Predicted, int Correct)
{
    public static Prf Of(int gold, int predicted, int correct)
    {
        var p = predicted == 0 ? 0 : (double)correct / predicted;
        var r = gold == 0 ? 0 : (double)correct / gold;
        return new Prf(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), gold, predicted, correct);
    }
}

public sealed record NerScore(Prf Overall, IReadOnlyDictionary<string, Prf> PerType, int Tokens, double Seconds)
{
    public double TokensPerSecond => Seconds > 0 ? Tokens / Seconds : 0;
}

/// <summary>conlleval's measure: an entity counts only when its span and type are both exactly right.</summary>
public static class NerEvaluation
{
    public static NerScore Evaluate(EntityModel model, IReadOnlyList<ConllDocument> gold, ILexicon lexicon)
    {
        var fx = new FeatureExtractor(lexicon);
        var memory = new DocumentMemory();
        var buffer = new List<ulong>(96);
        var counts = new Dictionary<string, (int Gold, int Pred, int Correct)>();
        var tokens = 0;
        var prepared = gold.Select(d => d.Sentences.Select(s => (s, EntityTrainer.AsText(s))).ToArray()).ToArray();
        var clock = Stopwatch.StartNew();
        var predictions = new List<string[]>();
        foreach (var doc in prepared)
        {
            memory.Clear();
            foreach (var (sentence, (text, spans)) in doc)
            {
                var labels = new int[spans.Length];
                model.Tag(fx, text, spans, memory, labels, buffer);
                predictions.Add(labels.Select(l => model.Labels.Names[l]).ToArray());
                tokens += spans.Length;
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var k = 0;
        foreach (var doc in prepared)
            foreach (var (sentence, _) in doc)
            {
                var g = ConllCorpus.Spans(sentence.Tags);
                var p = ConllCorpus.Spans(predictions[k++]);
                foreach (var x in g) Bump(counts, x.Type, 1, 0, 0);
                foreach (var x in p) Bump(counts, x.Type, 0, 1, g.Contains(x) ? 1 : 0);
            }
        var perType = counts.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => Prf.Of(c.Value.Gold, c.Value.Pred, c.Value.Correct));
        var overall = Prf.Of(counts.Values.Sum(c => c.Gold), counts.Values.Sum(c => c.Pred), counts.Values.Sum(c => c.Correct));
        return new NerScore(overall, perType, tokens, seconds);
    }

    private static void Bump(Dictionary<string, (int, int, int)> counts, string type, int g, int p, int c)
    {
        var (a, b, d) = counts.GetValueOrDefault(type);
        counts[type] = (a + g, b + p, d + c);
    }
}
