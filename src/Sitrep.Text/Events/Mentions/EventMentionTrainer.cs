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
        var rows = new Dictionary<ulong, int>(1 << 18);
        var weights = new List<float>(1 << 20);
        var totals = new List<double>(1 << 20);
        var stamps = new List<int>(1 << 20);
        var fx = new MentionFeatures(clusters);
        var features = new List<ulong>(64);
        var withPrevious = new List<ulong>(8);
        var scores = new float[l];
        var random = new Random(seed);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var t = 0;

        void Update(ulong f, int label, float delta)
        {
            if (!rows.TryGetValue(f, out var row))
            {
                row = rows.Count;
                rows[f] = row;
                for (var k = 0; k < l; k++) { weights.Add(0); totals.Add(0); stamps.Add(0); }
            }
            var i = row * l + label;
            totals[i] += (double)(t - stamps[i]) * weights[i];
            stamps[i] = t;
            weights[i] += delta;
        }

        void Score(List<ulong> fs)
        {
            foreach (var f in fs)
                if (rows.TryGetValue(f, out var row))
                    for (var k = 0; k < l; k++) scores[k] += weights[row * l + k];
        }

        EventMentionTagger Averaged(float pruneBelow, int epoch)
        {
            var keep = new Dictionary<ulong, int>();
            var kept = new List<float>();
            var row = new float[l];
            foreach (var (key, r) in rows)
            {
                var max = 0f;
                for (var k = 0; k < l; k++)
                {
                    var i = r * l + k;
                    row[k] = (float)((totals[i] + (double)(t - stamps[i]) * weights[i]) / t);
                    max = Math.Max(max, Math.Abs(row[k]));
                }
                if (max <= pruneBelow) continue;
                keep[key] = keep.Count;
                kept.AddRange(row);
            }
            var meta = new Dictionary<string, string>(info) { ["epochs"] = epoch.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            return new EventMentionTagger(keep, [.. kept], meta, clusters);
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
                    t++;
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
                        foreach (var f in features) { Update(f, gold, 1); Update(f, guess, -1); }
                        foreach (var f in withPrevious) { Update(f, gold, 1); Update(f, guess, -1); }
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
