using System.CommandLine;
using System.Globalization;
using Sitrep.Text.Entities;
using Sitrep.Text.Entities.Encoder;

namespace Sitrep.Cli.Commands;

/// <summary>`sitrep train ner --encoder`: fine-tunes the encoder entity model; options beyond the perceptron's live here.</summary>
internal static class TrainEncoderCommand
{
    public static readonly Option<bool> Encoder = new("--encoder") { Description = "Fine-tune the pretrained encoder's top layers, head and CRF instead of training the perceptron (writes models/ner-encoder.bin)" };
    public static readonly Option<int> TunedLayers = new("--tuned-layers") { Description = "With --encoder: how many top layers of the encoder to fine-tune (0: the head only)", DefaultValueFactory = _ => 1 };
    public static readonly Option<int> EncoderLayers = new("--encoder-layers") { Description = "With --encoder: how many of MiniLM's six layers the model reads", DefaultValueFactory = _ => 6 };
    public static readonly Option<int?> Limit = new("--limit") { Description = "With --encoder: train on the first N sentences only (to time an epoch)" };
    public static readonly Option<int> Threads = new("--threads") { Description = "With --encoder: threads for training", DefaultValueFactory = _ => 2 };
    public static readonly Option<float> LayerRate = new("--layer-rate") { Description = "With --encoder: AdamW's peak learning rate for the tuned layers", DefaultValueFactory = _ => 1e-4f };
    public static readonly Option<float> HeadRate = new("--head-rate") { Description = "With --encoder: AdamW's peak learning rate for the head and CRF", DefaultValueFactory = _ => 1e-3f };
    public static readonly Option<float> SparseRate = new("--sparse-rate") { Description = "With --encoder: AdamW's peak learning rate for the case, gazetteer and cluster features", DefaultValueFactory = _ => 5e-3f };

    public static void AddTo(Command ner)
    {
        ner.Options.Add(Encoder);
        ner.Options.Add(TunedLayers);
        ner.Options.Add(EncoderLayers);
        ner.Options.Add(Limit);
        ner.Options.Add(Threads);
        ner.Options.Add(LayerRate);
        ner.Options.Add(HeadRate);
        ner.Options.Add(SparseRate);
    }

    public static int Run(ParseResult parse, List<ConllDocument> docs, List<ConllDocument>? dev, Lexicon lexicon, int epochs, int seed, string? output)
    {
        var options = new EncoderTrainingOptions(Epochs: epochs, TunedLayers: parse.GetValue(TunedLayers), EncoderLayers: parse.GetValue(EncoderLayers), Seed: seed,
            Threads: parse.GetValue(Threads), Limit: parse.GetValue(Limit), LayerRate: parse.GetValue(LayerRate),
            HeadRate: parse.GetValue(HeadRate), SparseRate: parse.GetValue(SparseRate),
            CacheDirectory: Path.Combine(Resources.Find("build") ?? "build", "ner-cache"));
        EncoderEntityModel model;
        try
        {
            model = EncoderEntityTrainer.Train(docs, dev, lexicon, options, m => Console.Error.WriteLine(m));
        }
        catch (Sitrep.Models.EncoderUnavailableException e)
        {
            Console.Error.WriteLine($"sitrep: {e.Message}");
            return 1;
        }
        var path = output ?? Resources.EncoderEntityModel;
        model.Save(path);
        Console.Error.WriteLine($"wrote {path}: {model.TopLayers.Length} tuned layers, dev F1 {model.Info.GetValueOrDefault("dev_f1", "?")} "
            + $"(epoch {model.Info.GetValueOrDefault("chosen_epoch", "?")}), {new FileInfo(path).Length / 1048576.0:0.0} MB");
        return 0;
    }
}
