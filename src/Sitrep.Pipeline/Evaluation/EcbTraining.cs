using Sitrep.Resolve.Events.Coreference;
using Sitrep.Text.Events.Mentions;

namespace Sitrep.Pipeline.Evaluation;

/// <summary>
/// Trains the pairwise event coreference model on ECB+ training topics (gold mentions, pairs of mentions inside one
/// document cluster, as the clusterer sees them) and chooses the two clustering thresholds by CoNLL F1 on dev topics.
/// </summary>
public static class EcbTraining
{
    public static readonly double[] DocumentThresholds = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5];
    public static readonly double[] MentionThresholds = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

    private sealed record Topic(List<EventMentionInfo> Mentions, Dictionary<string, string> Gold, Dictionary<string, IReadOnlyList<string>> Words, TfIdf TfIdf);

    /// <summary>
    /// The model and the trigger stem pair rates. The rates a training pair sees come from the other half of the training
    /// topics (cross-fitting), so that the model learns how far to trust them on topics they were not counted on.
    /// </summary>
    public static (PairwiseModel Model, StemPairPrior Prior) Train(IReadOnlyList<EcbDocument> train, IReadOnlyList<EcbDocument> dev, EcbFeatures features,
        double trainingDocumentThreshold, Action<string>? log = null)
    {
        var trainTopics = Topics(train, features);
        var halves = new[] { new StemPairPrior(), new StemPairPrior() };
        var prior = new StemPairPrior();
        for (var k = 0; k < trainTopics.Count; k++)
        {
            var t = trainTopics[k];
            var documentCluster = EventCoreference.DocumentClusters(t.TfIdf, t.Words.Keys, trainingDocumentThreshold);
            for (var i = 0; i < t.Mentions.Count; i++)
                for (var j = i + 1; j < t.Mentions.Count; j++)
                {
                    var (a, b) = (t.Mentions[i], t.Mentions[j]);
                    if (documentCluster[a.Document] != documentCluster[b.Document]) continue;
                    var same = t.Gold[a.Id] == t.Gold[b.Id];
                    halves[k % 2].Add(a.HeadStem, b.HeadStem, same);
                    prior.Add(a.HeadStem, b.HeadStem, same);
                }
        }
        var examples = new List<float[]>();
        var labels = new List<bool>();
        for (var k = 0; k < trainTopics.Count; k++)
            foreach (var (f, same) in EventCoreference.Pairs(trainTopics[k].Mentions, trainTopics[k].Gold, trainTopics[k].Words, trainingDocumentThreshold, halves[1 - k % 2]))
            {
                if (f[7] == 0) continue; // the clusterer never compares mentions of different document clusters
                examples.Add(f);
                labels.Add(same);
            }
        log?.Invoke($"{examples.Count:N0} training pairs, {labels.Count(x => x):N0} coreferent");
        var model = PairwiseModel.Train(examples, labels);
        log?.Invoke(string.Join(", ", PairFeatures.Names.Select((n, i) => $"{n} {model.Weights[i]:0.00}")));
        ChooseThresholds(model, prior, Topics(dev, features), log);
        return (model, prior);
    }

    private static List<Topic> Topics(IReadOnlyList<EcbDocument> docs, EcbFeatures features) =>
        docs.GroupBy(d => d.Topic, StringComparer.Ordinal).Select(g =>
        {
            var (mentions, words) = EcbEvaluation.Prepare(g.ToList(), features, EcbEvaluation.GoldMentions);
            var gold = g.SelectMany(d => d.Events.Select(m => ($"{d.Name}|{m.MarkableId}", m.Chain))).ToDictionary(x => x.Item1, x => x.Chain, StringComparer.Ordinal);
            return new Topic(mentions.Select(m => m.Info).ToList(), gold, words, TfIdf.Build(words));
        }).ToList();

    /// <summary>Grid search on dev; the pair probabilities inside a document cluster do not depend on the thresholds.</summary>
    private static void ChooseThresholds(PairwiseModel model, StemPairPrior prior, List<Topic> dev, Action<string>? log)
    {
        var features = new float[PairFeatures.Count];
        var probability = dev.Select(t =>
        {
            var all = t.Words.Keys.ToDictionary(d => d, _ => "", StringComparer.Ordinal);
            var n = t.Mentions.Count;
            var p = new double[n, n];
            for (var i = 0; i < n; i++)
                for (var j = i + 1; j < n; j++)
                {
                    EventCoreference.Features(t.Mentions[i], t.Mentions[j], t.TfIdf, all, prior, features);
                    p[i, j] = p[j, i] = model.Probability(features);
                }
            return p;
        }).ToList();
        var best = (F1: -1.0, Document: 0.0, Mention: 0.0);
        foreach (var d in DocumentThresholds)
            foreach (var m in MentionThresholds)
            {
                var key = new Dictionary<string, string>(StringComparer.Ordinal);
                var response = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var k = 0; k < dev.Count; k++)
                {
                    var t = dev[k];
                    var documentCluster = EventCoreference.DocumentClusters(t.TfIdf, t.Words.Keys, d);
                    var index = t.Mentions.Select((x, i) => (x, i)).ToList();
                    foreach (var group in index.GroupBy(x => documentCluster[x.x.Document], StringComparer.Ordinal))
                    {
                        var members = group.Select(x => x.i).ToArray();
                        var labels = Agglomerative.Cluster(members.Length, (a, b) => probability[k][members[a], members[b]], m);
                        for (var a = 0; a < members.Length; a++) response[$"{k}|{t.Mentions[members[a]].Id}"] = $"{k}|{group.Key}|{labels[a]}";
                    }
                    foreach (var x in t.Mentions) key[$"{k}|{x.Id}"] = t.Gold[x.Id];
                }
                var f1 = CorefScores.Score(key, response).ConllF1;
                if (f1 > best.F1) best = (f1, d, m);
            }
        model.DocumentThreshold = best.Document;
        model.MentionThreshold = best.Mention;
        log?.Invoke($"thresholds chosen on dev: documents {best.Document}, mentions {best.Mention}: CoNLL F1 {best.F1:0.0000}");
    }
}
