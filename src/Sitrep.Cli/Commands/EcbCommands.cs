using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sitrep.Cli.Terminal;
using Sitrep.Pipeline.Evaluation;
using Sitrep.Resolve.Events.Coreference;
using Sitrep.Text.Entities;
using Sitrep.Text.Events.Mentions;

namespace Sitrep.Cli.Commands;

/// <summary>Event mentions and cross-document event coreference on ECB+: 'eval ecb', 'train events', 'train coref'.</summary>
internal static class EcbCommands
{
    public const string MentionModel = "models/event-mentions.bin";
    public const string CorefModel = "models/event-coref.tsv";
    public const string StemPairs = "models/event-coref-stems.tsv";
    private const string DevTopics = "2,5,12,18,21,23,34,35";

    private sealed record Line([property: JsonPropertyName("doc")] string Doc, [property: JsonPropertyName("m_id")] string MId, [property: JsonPropertyName("cluster")] string Cluster);

    private static Option<string> Topics(string description, string? defaultValue = null) =>
        defaultValue is null
            ? new("--topics") { Description = description }
            : new("--dev-topics") { Description = description, DefaultValueFactory = _ => defaultValue };

    private static Func<string, bool>? TopicFilter(string? list)
    {
        if (string.IsNullOrWhiteSpace(list)) return null;
        var set = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return set.Contains;
    }

    public static Command Eval()
    {
        var gold = new Option<string>("--gold") { Description = "A folder of ECB+ topic folders (DIR/36/36_1ecb.xml, …) with ECBplus_coreference_sentences.csv in it or beside it", Required = true };
        var mentions = new Option<string>("--mentions") { Description = "gold: cluster the annotated event mentions; predicted: find them with the mention tagger first", DefaultValueFactory = _ => "gold" };
        mentions.AcceptOnlyFromAmong("gold", "predicted");
        var output = new Option<string?>("--out") { Description = "Write one JSON line per mention: {\"doc\", \"m_id\", \"cluster\"}" };
        var topics = Topics("Only these topic folders, comma-separated (e.g. the dev topics 2,5,12,18,21,23,34,35)");
        var json = CommonOptions.Json("the scores");
        var command = new Command("ecb", CommonOptions.Example(
            "Cluster the event mentions of each ECB+ topic folder across its documents and score MUC, B³, CEAF-e and CoNLL F1 (singletons included, annotated sentences only); with --mentions predicted also mention precision, recall and F1.",
            "sitrep eval ecb --gold ../shared/data/ecbplus --topics 2,5,12,18,21,23,34,35 --mentions gold --out dev.jsonl",
            "sitrep eval ecb --gold ../shared/data/ecbplus --topics 2,5,12,18,21,23,34,35 --mentions predicted --json"))
        {
            gold, mentions, output, topics, json,
        };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(gold)!;
            if (!Directory.Exists(dir)) { Console.Error.WriteLine($"sitrep: {dir}: no such folder"); return 1; }
            if (LoadCoreference() is not { } coreference) return 1;
            var source = EcbEvaluation.GoldMentions;
            if (parse.GetValue(mentions) == "predicted")
            {
                if (LoadTagger() is not { } tagger) return 1;
                source = EcbEvaluation.Predicted(tagger);
            }
            if (ReadEcb(dir, TopicFilter(parse.GetValue(topics))) is not { } docs) return 1;
            var result = EcbEvaluation.Evaluate(docs, new EcbFeatures(LoadRecognizer(), LoadClusters()), coreference, source);
            if (parse.GetValue(output) is { } path)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                File.WriteAllLines(path, result.Assignments.Select(a => JsonSerializer.Serialize(new Line(a.Doc, a.MentionId, a.Cluster))));
            }
            var s = result.Coreference;
            var predicted = parse.GetValue(mentions) == "predicted";
            if (parse.GetValue(json))
            {
                Output.Json(new
                {
                    conll_f1 = s.ConllF1,
                    muc = new { recall = s.Muc.Recall, precision = s.Muc.Precision, f1 = s.Muc.F1 },
                    b3 = new { recall = s.BCubed.Recall, precision = s.BCubed.Precision, f1 = s.BCubed.F1 },
                    ceaf_e = new { recall = s.CeafE.Recall, precision = s.CeafE.Precision, f1 = s.CeafE.F1 },
                    mentions = predicted ? new { precision = result.Mentions.Precision, recall = result.Mentions.Recall, f1 = result.Mentions.F1, gold = result.Mentions.Gold, found = result.Mentions.Predicted } : null,
                    topics = result.Topics, documents = result.Documents, seconds = result.Seconds,
                });
                return 0;
            }
            Console.WriteLine($"{"",-8} {"recall",9} {"precision",9} {"F1",9}");
            foreach (var (name, m) in new[] { ("MUC", s.Muc), ("B3", s.BCubed), ("CEAF-e", s.CeafE) })
                Console.WriteLine($"{name,-8} {m.Recall,9:0.0000} {m.Precision,9:0.0000} {m.F1,9:0.0000}");
            Console.WriteLine($"CoNLL F1 {s.ConllF1:0.0000} over {result.Mentions.Gold} gold mentions in {result.Documents} documents of {result.Topics} topics ({result.Seconds:0.0}s)");
            if (predicted)
                Console.WriteLine($"mentions: precision {result.Mentions.Precision:0.0000}, recall {result.Mentions.Recall:0.0000}, F1 {result.Mentions.F1:0.0000} ({result.Mentions.Predicted} found, {result.Mentions.Correct} exact)");
            return 0;
        });
        return command;
    }

    public static Command TrainCoref()
    {
        var ecb = new Option<string>("--ecb") { Description = "The ECB+ folder of topic folders", Required = true };
        var dev = Topics("Topics held out to choose the clustering thresholds; the others train the pairwise model", DevTopics);
        var output = new Option<string>("--out") { Description = "Where to write the model", DefaultValueFactory = _ => CorefModel };
        var command = new Command("coref", CommonOptions.Example(
            "Train the pairwise event coreference model on ECB+ (all topics but the dev ones) and choose its thresholds on the dev topics.",
            "sitrep train coref --ecb ../shared/data/ecbplus"))
        {
            ecb, dev, output,
        };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(ecb)!;
            var isDev = TopicFilter(parse.GetValue(dev)) ?? (_ => false);
            if (ReadEcb(dir, null) is not { } docs) return 1;
            var features = new EcbFeatures(LoadRecognizer(), LoadClusters());
            var (model, prior) = EcbTraining.Train(docs.Where(d => !isDev(d.Topic)).ToList(), docs.Where(d => isDev(d.Topic)).ToList(), features,
                trainingDocumentThreshold: 0.2, log: Console.Error.WriteLine);
            var path = parse.GetValue(output)!;
            model.Save(path);
            var pairs = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileName(StemPairs));
            prior.Save(pairs);
            Console.Error.WriteLine($"wrote {path} and {pairs}");
            return 0;
        });
        return command;
    }

    public static Command TrainMentions()
    {
        var ecb = new Option<string>("--ecb") { Description = "The ECB+ folder of topic folders", Required = true };
        var timebank = new Option<string?>("--timebank") { Description = "A folder of TimeML .tml files whose EVENT tags add training sentences" };
        var dev = Topics("Topics scored after every epoch, not trained on", DevTopics);
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Fixes the order of the training sentences", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Where to write the model", DefaultValueFactory = _ => MentionModel };
        var command = new Command("events", CommonOptions.Example(
            "Train the event mention tagger (an averaged perceptron) on ECB+ training topics and TimeBank; keeps the epoch with the best dev F1.",
            "sitrep train events --ecb ../shared/data/ecbplus --timebank ../shared/data/timeml/timebank"))
        {
            ecb, timebank, dev, epochs, seed, output,
        };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(ecb)!;
            var isDev = TopicFilter(parse.GetValue(dev)) ?? (_ => false);
            if (ReadEcb(dir, null) is not { } docs) return 1;
            var sentences = MentionCorpora.FromEcb(docs.Where(d => !isDev(d.Topic))).ToList();
            var ecbCount = sentences.Count;
            if (parse.GetValue(timebank) is { } tb)
            {
                if (!Directory.Exists(tb)) { Console.Error.WriteLine($"sitrep: {tb}: no such folder"); return 1; }
                try { sentences.AddRange(MentionCorpora.FromTimeMl(tb)); }
                catch (InvalidDataException e) { Console.Error.WriteLine($"sitrep: {e.Message}"); return 1; }
            }
            var devDocs = docs.Where(d => isDev(d.Topic)).ToList();
            var clusters = Resources.Find(Resources.Clusters) is { } c ? EventMentionTagger.LoadClusters(c) : null;
            Console.Error.WriteLine($"training on {ecbCount} ECB+ and {sentences.Count - ecbCount} TimeBank sentences; {devDocs.Count} dev documents");
            EventMentionTagger? best = null;
            var bestF1 = -1.0;
            var bestBias = 0f;
            var info = new Dictionary<string, string> { ["seed"] = parse.GetValue(seed).ToString(CultureInfo.InvariantCulture), ["timebank"] = (sentences.Count > ecbCount).ToString() };
            EventMentionTrainer.Train(sentences, clusters, parse.GetValue(epochs), parse.GetValue(seed), info, (epoch, errors, tagger) =>
            {
                var f1 = devDocs.Count == 0 ? 0 : MentionF1(tagger, devDocs);
                Console.Error.WriteLine($"epoch {epoch,2}: training error {errors:P2}, dev mention F1 {f1:0.0000}");
                if (f1 > bestF1 || devDocs.Count == 0) { bestF1 = f1; best = tagger; }
            });
            if (devDocs.Count > 0)
            {
                foreach (var bias in new[] { 0f, 0.5f, 1f, 1.5f, 2f, 3f, 4f, 6f, 8f })
                {
                    best!.BeginBias = bias;
                    var f1 = MentionF1(best, devDocs);
                    Console.Error.WriteLine($"begin bias {bias}: dev mention F1 {f1:0.0000}");
                    if (f1 > bestF1) (bestF1, bestBias) = (f1, bias);
                }
                best!.BeginBias = bestBias;
            }
            var path = parse.GetValue(output)!;
            best!.Save(path);
            Console.Error.WriteLine($"wrote {path}: {best.FeatureCount:N0} features (epoch {best.Info["epochs"]}, begin bias {best.BeginBias}, dev F1 {bestF1:0.0000}), {new FileInfo(path).Length / 1048576.0:0.0} MB");
            return 0;
        });
        return command;
    }

    private static double MentionF1(EventMentionTagger tagger, List<EcbDocument> docs)
    {
        int gold = 0, found = 0, correct = 0;
        foreach (var s in MentionCorpora.FromEcb(docs))
        {
            var truth = Spans(s.Labels);
            var guess = tagger.Tag(s.Tokens);
            gold += truth.Count;
            found += guess.Count;
            correct += guess.Count(truth.Contains);
        }
        var p = found == 0 ? 0 : (double)correct / found;
        var r = gold == 0 ? 0 : (double)correct / gold;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static HashSet<(int, int)> Spans(int[] labels)
    {
        var spans = new HashSet<(int, int)>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] != EventMentionTagger.Begin) continue;
            var end = i + 1;
            while (end < labels.Length && labels[end] == EventMentionTagger.Inside) end++;
            spans.Add((i, end));
        }
        return spans;
    }

    private static List<EcbDocument>? ReadEcb(string dir, Func<string, bool>? topics)
    {
        if (!Directory.Exists(dir)) { Console.Error.WriteLine($"sitrep: {dir}: no such folder"); return null; }
        try
        {
            var docs = EcbCorpus.ReadFolder(dir, topics);
            if (docs.Count == 0) { Console.Error.WriteLine($"sitrep: {dir}: no ECB+ documents (topic folders of .xml files)"); return null; }
            return docs;
        }
        catch (InvalidDataException e) { Console.Error.WriteLine($"sitrep: {e.Message}"); return null; }
    }

    private static EventCoreference? LoadCoreference()
    {
        var path = Resources.Find(CorefModel);
        if (path is null) { Console.Error.WriteLine($"sitrep: no event coreference model ({CorefModel}; train one with 'sitrep train coref')"); return null; }
        var pairs = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileName(StemPairs));
        try { return new EventCoreference(PairwiseModel.Load(path), File.Exists(pairs) ? StemPairPrior.Load(pairs) : null); }
        catch (InvalidDataException e) { Console.Error.WriteLine($"sitrep: {e.Message}"); return null; }
    }

    private static Dictionary<string, string>? LoadClusters() =>
        Resources.Find(Resources.Clusters) is { } c ? EventMentionTagger.LoadClusters(c) : null;

    private static EventMentionTagger? LoadTagger()
    {
        var path = Resources.Find(MentionModel);
        if (path is null) { Console.Error.WriteLine($"sitrep: no event mention model ({MentionModel}; train one with 'sitrep train events')"); return null; }
        var clusters = Resources.Find(Resources.Clusters) is { } c ? EventMentionTagger.LoadClusters(c) : null;
        try { return EventMentionTagger.Load(path, clusters); }
        catch (Exception e) when (e is InvalidDataException or IOException or EndOfStreamException) { Console.Error.WriteLine($"sitrep: {path}: {e.Message}"); return null; }
    }

    /// <summary>The entity model for the mentions' participants and places; without it coreference goes on without them.</summary>
    private static EntityRecognizer? LoadRecognizer()
    {
        var path = Resources.Find(Resources.EntityModel);
        if (path is null || Resources.LoadLexicon() is not { } lexicon || Resources.LoadEntities(path) is not { } model)
        {
            Console.Error.WriteLine("warning: no entity model; event coreference goes on without participants and places");
            return null;
        }
        return new EntityRecognizer(model, lexicon);
    }
}
