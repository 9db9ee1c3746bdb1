using Sitrep.Resolve.Events.Coreference;
using Sitrep.Text.Events.Mentions;

namespace Sitrep.Pipeline.Evaluation;

/// <summary>One line of the output: a mention by its document and markable id, and the cluster it was put in.</summary>
public sealed record EcbAssignment(string Doc, string MentionId, string Cluster);

/// <summary>Exact-span precision, recall and F1 of predicted event mentions.</summary>
public sealed record MentionScore(int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

public sealed record EcbResult(CorefScore Coreference, MentionScore Mentions, List<EcbAssignment> Assignments, int Topics, int Documents, double Seconds);

/// <summary>
/// Cross-document event coreference on ECB+: the event mentions of each topic folder (gold ones, or the tagger's) are
/// clustered across the folder's documents and scored with MUC, B³ and CEAF-e against the gold chains, singletons
/// included, over the sentences ECB+ lists as fully annotated. Only the folder groups documents; file names are not read.
/// </summary>
public static class EcbEvaluation
{
    /// <summary>Mentions to cluster in one document: id and token indices. Gold mentions keep their markable id.</summary>
    public delegate IEnumerable<(string Id, int[] Tokens)> MentionSource(EcbDocument doc);

    public static MentionSource GoldMentions => doc => doc.Events.Select(m => (m.MarkableId, m.Tokens));

    /// <summary>The tagger's mentions in the annotated sentences; one that matches a gold span takes its markable id.</summary>
    public static MentionSource Predicted(EventMentionTagger tagger) => doc =>
    {
        var gold = doc.Events.GroupBy(m => SpanKey(m.Tokens)).ToDictionary(g => g.Key, g => g.First().MarkableId, StringComparer.Ordinal);
        var found = new List<(string, int[])>();
        foreach (var sentence in doc.Scored.Order())
        {
            var tokens = doc.TokensOf(sentence).ToArray();
            if (tokens.Length == 0) continue;
            foreach (var (start, end) in tagger.Tag(tokens.Select(t => doc.Tokens[t].Text).ToArray()))
            {
                var span = tokens[start..end];
                found.Add((gold.GetValueOrDefault(SpanKey(span)) ?? $"t{span[0]}-{span[^1]}", span));
            }
        }
        return found;
    };

    private static string SpanKey(int[] tokens) => string.Join(',', tokens);

    public static EcbResult Evaluate(IReadOnlyList<EcbDocument> docs, EcbFeatures features, EventCoreference coreference, MentionSource mentions)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var key = new Dictionary<string, string>(StringComparer.Ordinal);
        var response = new Dictionary<string, string>(StringComparer.Ordinal);
        var assignments = new List<EcbAssignment>();
        int predicted = 0, correct = 0;
        foreach (var topic in docs.GroupBy(d => d.Topic, StringComparer.Ordinal))
        {
            var (infos, words) = Prepare(topic.ToList(), features, mentions);
            foreach (var d in topic)
                foreach (var m in d.Events) key.TryAdd($"{d.Name}|{SpanKey(m.Tokens)}", m.Chain);
            var clusters = coreference.Cluster(infos.Select(i => i.Info).ToList(), words);
            foreach (var (info, tokens) in infos)
            {
                var cluster = $"{topic.Key}/{clusters[info.Id]}";
                var mentionKey = $"{info.Document}|{SpanKey(tokens)}";
                if (!response.TryAdd(mentionKey, cluster)) continue;
                predicted++;
                if (key.ContainsKey(mentionKey)) correct++;
                assignments.Add(new EcbAssignment(info.Document, info.Id[(info.Id.IndexOf('|') + 1)..], cluster));
            }
        }
        var score = CorefScores.Score(key, response);
        return new EcbResult(score, new MentionScore(key.Count, predicted, correct), assignments,
            docs.Select(d => d.Topic).Distinct().Count(), docs.Count, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The mentions of one topic with their token indices (ids are "document|markable"), and each document's words.</summary>
    public static (List<(EventMentionInfo Info, int[] Tokens)> Mentions, Dictionary<string, IReadOnlyList<string>> Words) Prepare(
        IReadOnlyList<EcbDocument> topic, EcbFeatures features, MentionSource mentions)
    {
        var infos = new List<(EventMentionInfo, int[])>();
        var words = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var d in topic)
        {
            var read = features.Read(d);
            words[d.Name] = read.Words;
            foreach (var (id, tokens) in mentions(d)) infos.Add((features.Mention(read, $"{d.Name}|{id}", tokens), tokens));
        }
        return (infos, words);
    }
}
