using Sitrep.Core.Documents;

namespace Sitrep.Text.Entities;

public sealed record TrainingOptions(int Epochs = 12, int Seed = 1, float PruneBelow = 0.001f);

/// <summary>
/// Trains an <see cref="EntityModel"/> as an averaged perceptron (Collins 2002) with the decoder's own greedy history,
/// documents in a shuffled order fixed by the seed: the same data and seed give the same model, byte for byte.
/// </summary>
public static class EntityTrainer
{
    private readonly record struct Sentence(string Text, TextSpan[] Tokens, int[] Gold);

    public static EntityModel Train(IReadOnlyList<ConllDocument> documents, TrainingOptions options, Lexicon lexicon,
        Action<int, double, double>? onEpoch = null, Func<EntityModel, double>? evaluate = null)
    {
        var labels = new EntityLabels(EntityLabels.ConllTypes);
        var docs = documents.Select(d => d.Sentences.Select(s => Prepare(s, labels)).ToArray()).ToArray();
        var l = labels.Count;
        var weights = new AveragedWeights(l, 1 << 20);
        var fx = new FeatureExtractor(lexicon);
        var memory = new DocumentMemory();
        var features = new List<ulong>(96);
        var scores = new float[l];
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, docs.Length).ToArray();
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            int errors = 0, tokens = 0;
            foreach (var di in order)
            {
                memory.Clear();
                foreach (var s in docs[di])
                {
                    fx.Prepare(s.Text, s.Tokens);
                    int prev = 0, prev2 = 0;
                    var predicted = new int[s.Tokens.Length];
                    for (var i = 0; i < s.Tokens.Length; i++)
                    {
                        weights.Tick();
                        fx.Features(i, prev, prev2, memory, features);
                        Array.Clear(scores);
                        weights.AddScores(features, scores);
                        var guess = EntityModel.Best(scores, prev);
                        var gold = s.Gold[i];
                        if (guess != gold)
                        {
                            errors++;
                            foreach (var f in features) { weights.Update(f, gold, 1); weights.Update(f, guess, -1); }
                        }
                        predicted[i] = guess;
                        prev2 = prev;
                        prev = guess;
                        tokens++;
                    }
                    for (var i = 0; i < s.Tokens.Length; i++) memory.Remember(fx.LowerHashOf(i), predicted[i]);
                }
            }
            var averaged = Averaged(weights, labels, 0, options, lexicon);
            onEpoch?.Invoke(epoch, (double)errors / tokens, evaluate?.Invoke(averaged) ?? double.NaN);
        }
        return Averaged(weights, labels, options.PruneBelow, options, lexicon);
    }

    private static EntityModel Averaged(AveragedWeights weights, EntityLabels labels, float pruneBelow, TrainingOptions options,
        Lexicon lexicon)
    {
        var (keep, kept) = weights.Averaged(pruneBelow);
        var info = new Dictionary<string, string>
        {
            ["epochs"] = options.Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["seed"] = options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["lexicon"] = lexicon.Signature,
        };
        return new EntityModel(labels, keep, kept, info);
    }

    private static Sentence Prepare(ConllSentence s, EntityLabels labels)
    {
        var (text, spans) = AsText(s);
        return new Sentence(text, spans, s.Tags.Select(labels.Parse).ToArray());
    }

    /// <summary>The same sentence as text and spans, for tagging CoNLL data with a trained model.</summary>
    public static (string Text, TextSpan[] Tokens) AsText(ConllSentence s)
    {
        var text = string.Join(' ', s.Tokens);
        var spans = new TextSpan[s.Tokens.Length];
        var p = 0;
        for (var i = 0; i < s.Tokens.Length; i++)
        {
            spans[i] = new TextSpan(p, p + s.Tokens[i].Length);
            p += s.Tokens[i].Length + 1;
        }
        return (text, spans);
    }
}
