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

    /// <summary>Any tagger, a document at a time (its sentences joined by line breaks), as it reads articles.</summary>
    public static NerScore Evaluate(IEntityTagger tagger, IReadOnlyList<ConllDocument> gold)
    {
        var counts = new Dictionary<string, (int Gold, int Pred, int Correct)>();
        var tokens = 0;
        var documents = gold.Select(d =>
        {
            var text = new System.Text.StringBuilder();
            var sentences = new List<List<Sitrep.Core.Documents.TextSpan>>();
            foreach (var s in d.Sentences)
            {
                var spans = new List<Sitrep.Core.Documents.TextSpan>(s.Tokens.Length);
                foreach (var t in s.Tokens)
                {
                    spans.Add(new(text.Length, text.Length + t.Length));
                    text.Append(t).Append(' ');
                }
                text.Append('\n');
                sentences.Add(spans);
            }
            return (Text: text.ToString(), Sentences: sentences, Gold: d.Sentences);
        }).ToArray();
        var predictions = new List<int[][]>();
        var clock = Stopwatch.StartNew();
        foreach (var doc in documents)
        {
            var labels = doc.Sentences.Select(s => new int[s.Count]).ToArray();
            tagger.Tag(doc.Text, doc.Sentences, labels);
            predictions.Add(labels);
            tokens += doc.Sentences.Sum(s => s.Count);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        for (var d = 0; d < documents.Length; d++)
            for (var s = 0; s < documents[d].Gold.Count; s++)
            {
                var g = ConllCorpus.Spans(documents[d].Gold[s].Tags);
                var p = ConllCorpus.Spans(predictions[d][s].Select(l => tagger.Labels.Names[l]).ToArray());
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
