using System.CommandLine;
using System.Globalization;
using Sitrep.Text.Entities;

namespace Sitrep.Cli.Commands;

internal static class TrainCommand
{
    private static Command Clusters()
    {
        var text = new Option<string[]>("--text") { Description = "Unlabelled text: CoNLL files (first column) or plain text files", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Where to write the clusters (word, tab, bit path)", DefaultValueFactory = _ => Resources.Clusters };
        var command = new Command("clusters", CommonOptions.Example("Compute hierarchical word clusters from unlabelled text, for the entity model's features. Retrain the entity model afterwards.",
            "sitrep train clusters --text ../shared/data/ner/conll2003/eng.train ../shared/data/ner/wikigold/wikigold.conll.txt"))
        {
            text, output,
        };
        command.SetAction(parse =>
        {
            var files = parse.GetValue(text)!;
            if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing) { Console.Error.WriteLine($"sitrep: {missing}: no such file"); return 1; }
            var sentences = files.SelectMany(Sentences).ToList();
            var clusters = WordClusters.Build(sentences);
            var path = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllLines(path, clusters.Select(c => $"{c.Word}\t{c.Path}\t{c.Capitalised}"));
            Console.Error.WriteLine($"wrote {path}: {clusters.Count:N0} words from {sentences.Sum(s => s.Length):N0} tokens");
            return 0;
        });
        return command;
    }

    /// <summary>Sentences of a CoNLL file (tokens from the first column) or of a plain text file (tokenised).</summary>
    private static IEnumerable<string[]> Sentences(string path)
    {
        var conll = File.ReadLines(path).Take(50).Count(l => l.Contains(' ') || l.Contains('\t')) > 0
                    && File.ReadLines(path).Take(50).All(l => l.Length == 0 || l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Length is >= 2 and <= 6);
        if (conll)
        {
            foreach (var doc in ConllCorpus.Read(path)) foreach (var s in doc.Sentences) yield return s.Tokens;
            yield break;
        }
        var text = File.ReadAllText(path);
        foreach (var s in Sitrep.Text.Sentences.SentenceSplitter.Split(text))
            yield return Sitrep.Text.Tokens.Tokenizer.Tokenize(text, s.Start, s.End).Select(t => t.Of(text)).ToArray();
    }

    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "CoNLL training files (token first, tag last; IOB1 or IOB2)", Required = true, AllowMultipleArgumentsPerToken = true };
        var dev = new Option<string?>("--dev") { Description = "A CoNLL file scored after every epoch" };
        var output = new Option<string?>("--out") { Description = "Where to write the model (models/ner.bin, with --encoder models/ner-encoder.bin)" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { Description = "Fixes the order of the training documents, so a rebuild gives the same model", DefaultValueFactory = _ => 1 };
        var ner = new Command("ner", CommonOptions.Example("Train the entity model (an averaged perceptron) from CoNLL files.",
            "sitrep train ner --data ../shared/data/ner/conll2003/eng.train --dev ../shared/data/ner/conll2003/eng.testa --out models/ner.bin"))
        {
            data, dev, output, epochs, seed,
        };
        TrainEncoderCommand.AddTo(ner);
        ner.SetAction(parse =>
        {
            var files = parse.GetValue(data)!;
            var missing = files.Append(parse.GetValue(dev)).OfType<string>().FirstOrDefault(f => !File.Exists(f));
            if (missing is not null) { Console.Error.WriteLine($"sitrep: {missing}: no such file"); return 1; }
            if (Resources.LoadLexicon() is not { } lexicon) return 1;
            var docs = files.SelectMany(ConllCorpus.Read).ToList();
            var devDocs = parse.GetValue(dev) is { } d ? ConllCorpus.Read(d) : null;
            Console.Error.WriteLine($"lexicon: {lexicon.PhraseCount:N0} phrases ({lexicon.Signature})");
            Console.Error.WriteLine($"training on {docs.Count} documents, {docs.Sum(x => x.Sentences.Sum(s => s.Tokens.Length))} tokens");
            if (parse.GetValue(TrainEncoderCommand.Encoder))
                return TrainEncoderCommand.Run(parse, docs, devDocs, lexicon, parse.GetValue(epochs), parse.GetValue(seed), parse.GetValue(output));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var model = EntityTrainer.Train(docs, new TrainingOptions(parse.GetValue(epochs), parse.GetValue(seed)), lexicon,
                onEpoch: (epoch, errorRate, f1) => Console.Error.WriteLine(
                    $"epoch {epoch,2}: training error {errorRate:P2}" + (double.IsNaN(f1) ? "" : $", dev F1 {f1:0.0000}") + $"  ({clock.Elapsed.TotalSeconds:0}s)"),
                evaluate: devDocs is null ? null : m => NerEvaluation.Evaluate(m, devDocs, lexicon).Overall.F1);
            var path = parse.GetValue(output) ?? Resources.EntityModel;
            model.Save(path);
            Console.Error.WriteLine($"wrote {path}: {model.FeatureCount.ToString("N0", CultureInfo.InvariantCulture)} features, {new FileInfo(path).Length / 1048576.0:0.0} MB");
            return 0;
        });
        return new Command("train", "Train a model from data.") { ner, Clusters(), EcbCommands.TrainMentions(), EcbCommands.TrainCoref() };
    }
}
