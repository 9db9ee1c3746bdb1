using System.Diagnostics;
using Sitrep.Pipeline.Evaluation;
using Sitrep.Resolve.Events.Coreference;
using Sitrep.Text.Entities;
using Sitrep.Text.Events.Mentions;

/// <summary>
/// The event stage side by side with the entity stage before it, on ECB+ documents (the dev topics): the entity model
/// over each document's text, the event mention tagger over its sentences, and coreference over each topic's gold
/// mentions (features prepared first, clustering timed). One thread, after a warm-up, fastest of three batches.
/// </summary>
internal static class EcbBench
{
    private static readonly HashSet<string> Dev = ["2", "5", "12", "18", "21", "23", "34", "35"];

    public static int Run(string ecbDir, string root)
    {
        var docs = EcbCorpus.ReadFolder(ecbDir, Dev.Contains);
        var clusters = EventMentionTagger.LoadClusters(Path.Combine(root, "models", "clusters.tsv"));
        var tagger = EventMentionTagger.Load(Path.Combine(root, "models", "event-mentions.bin"), clusters);
        var sentences = docs.SelectMany(d => d.Sentences.Select(s => d.TokensOf(s).Select(t => d.Tokens[t].Text).ToArray())).ToArray();
        var texts = docs.Select(d => string.Join('\n', d.Sentences.Select(s => string.Join(' ', d.TokensOf(s).Select(t => d.Tokens[t].Text))))).ToArray();
        var tokens = sentences.Sum(s => s.Length);
        Console.WriteLine($"ECB+ dev: {docs.Count} documents, {tokens:N0} tokens, {texts.Average(t => t.Length) / 1024:0.0} K characters each on average");

        var lexicon = Lexicon.Load(Path.Combine(root, "data", "lexicon"), Existing(Path.Combine(root, "artifacts", "gazetteer", "cities.tsv")),
            Path.Combine(root, "models", "clusters.tsv"));
        var entities = new EntityRecognizer(EntityModel.Load(Path.Combine(root, "models", "ner.bin")), lexicon);
        var entitySeconds = Best(() => { foreach (var t in texts) entities.Recognize(t); });
        var eventSeconds = Best(() => { foreach (var s in sentences) tagger.Tag(s); });
        Console.WriteLine($"  entity model:         {docs.Count / entitySeconds,8:0} documents/s");
        Console.WriteLine($"  event mention tagger: {docs.Count / eventSeconds,8:0} documents/s ({tokens / eventSeconds:N0} tokens/s), " +
                          $"{eventSeconds / entitySeconds:P0} of the entity model's time");

        var coreference = new EventCoreference(PairwiseModel.Load(Path.Combine(root, "models", "event-coref.tsv")),
            StemPairPrior.Load(Path.Combine(root, "models", "event-coref-stems.tsv")));
        var features = new EcbFeatures(entities, clusters);
        var topics = docs.GroupBy(d => d.Topic).Select(g => EcbEvaluation.Prepare(g.ToList(), features, EcbEvaluation.GoldMentions)).ToList();
        var mentions = topics.Sum(t => t.Mentions.Count);
        var clusterSeconds = Best(() => { foreach (var (m, words) in topics) coreference.Cluster(m.Select(x => x.Info).ToList(), words); });
        Console.WriteLine($"  coreference:          {mentions / clusterSeconds,8:0} mentions/s ({mentions} mentions in {topics.Count} topics, " +
                          $"{topics.Max(t => t.Mentions.Count)} in the largest)");
        return 0;
    }

    private static string? Existing(string path) => File.Exists(path) ? path : null;

    private static double Best(Action pass)
    {
        pass();
        var best = double.MaxValue;
        for (var b = 0; b < 3; b++)
        {
            var watch = Stopwatch.StartNew();
            pass();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return best;
    }
}
