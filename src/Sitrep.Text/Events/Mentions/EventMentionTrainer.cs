using Sitrep.Text.Entities;

namespace Sitrep.Text.Events.Mentions;

/// <summary>A tokenised sentence with a B/I/O label per token, and the corpus whose annotation rules made the labels.</summary>
public sealed record LabelledSentence(string[] Tokens, int[] Labels, string Corpus = LabelledSentence.Ecb)
{
    public const string Ecb = "ecb+";
    public const string TimeBank = "timebank";
}

/// <summary>
/// Trains an <see cref="EventMentionTagger"/> as an averaged perceptron (Collins 2002) with the decoder's own greedy
/// history; sentences in a shuffled order fixed by the seed, so the same data give the same model byte for byte.
/// </summary>
public static class EventMentionTrainer
{
    public static EventMentionTagger Train(IReadOnlyList<LabelledSentence> sentences, IReadOnlyDictionary<string, string>? clusters,
        int epochs, int seed, IReadOnlyDictionary<string, string> info, Action<int, double, EventMentionTagger>? onEpoch = null)
    {
        const int l = EventMentionTagger.Labels;
        var weights = new AveragedWeights(l, 1 << 18);
        var fx = new MentionFeatures(clusters);
        var features = new List<ulong>(64);
        var withPrevious = new List<ulong>(8);
        var scores = new float[l];
        var random = new Random(seed);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        void Score(List<ulong> fs) => weights.AddScores(fs, scores);

        EventMentionTagger Averaged(float pruneBelow, int epoch)
        {
            var (keep, kept) = weights.Averaged(pruneBelow);
            var meta = new Dictionary<string, string>(info) { ["epochs"] = epoch.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            return new EventMentionTagger(keep, kept, meta, clusters);
        }

        EventMentionTagger? last = null;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            int errors = 0, tokens = 0;
            foreach (var si in order)
            {
                var s = sentences[si];
                fx.Prepare(s.Tokens, s.Corpus);
                var previous = EventMentionTagger.Outside;
                for (var i = 0; i < s.Tokens.Length; i++)
                {
                    weights.Tick();
                    fx.Static(i, features);
                    fx.WithPrevious(i, previous, withPrevious);
                    Array.Clear(scores);
                    Score(features);
                    Score(withPrevious);
                    var guess = EventMentionTagger.Best(scores, previous);
                    var gold = s.Labels[i];
                    if (guess != gold)
                    {
                        errors++;
                        foreach (var f in features) { weights.Update(f, gold, 1); weights.Update(f, guess, -1); }
                        foreach (var f in withPrevious) { weights.Update(f, gold, 1); weights.Update(f, guess, -1); }
                    }
                    previous = guess;
                    tokens++;
                }
            }
            if (onEpoch is not null) onEpoch(epoch, (double)errors / Math.Max(1, tokens), last = Averaged(0.001f, epoch));
        }
        return last ?? Averaged(0.001f, epochs);
    }
}
