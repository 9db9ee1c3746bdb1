using Sitrep.Core.Documents;
using Sitrep.Models;

namespace Sitrep.Text.Entities.Encoder;

/// <summary>
/// The encoder's run-time half, shared by all workers of a process: ONNX Runtime's MiniLM with the fine-tuned top layers
/// written into its graph (one native pass, measured faster than ONNX for the frozen layers plus the house's code for
/// the top), and the WordPiece vocabulary.
/// </summary>
public sealed class EncoderRuntime : IDisposable
{
    public EncoderEntityModel Model { get; }
    public TokenEncoder Tokens { get; }

    /// <exception cref="EncoderUnavailableException">The encoder's package or resources are missing.</exception>
    public EncoderRuntime(EncoderEntityModel model, int threads = 2)
    {
        Model = model;
        var replace = model.TopLayers.Select((layer, i) => (Index: model.FirstTunedLayer + i, layer)).ToDictionary(x => x.Index, x => x.layer);
        Tokens = new TokenEncoder(new OnnxEncoder(model.Shape.Layers, threads, replace), WordPieces.FromPackage(), batchSize: 16);
    }

    public void Dispose() => Tokens.Encoder.Dispose();
}

/// <summary>Tags a document's sentences with the encoder entity model: all sentences in batches through the encoder, then head and CRF.</summary>
public sealed class EncoderEntityTagger(EncoderRuntime runtime, ILexicon lexicon) : IEntityTagger
{
    private readonly FeatureExtractor _features = new(lexicon);
    private readonly List<ulong> _buffer = new(96);

    public EntityLabels Labels => runtime.Model.Labels;
    public string Name => "encoder";

    public void Tag(string text, IReadOnlyList<List<TextSpan>> sentences, IReadOnlyList<int[]> labels)
    {
        var model = runtime.Model;
        var vectors = runtime.Tokens.Encode(text, sentences);
        var l = model.Labels.Count;
        for (var s = 0; s < sentences.Count; s++)
        {
            var n = sentences[s].Count;
            if (n == 0) continue;
            _features.Prepare(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sentences[s]));
            var features = model.Features(_features, n, _buffer);
            var emissions = new float[n * l];
            model.Emissions(vectors[s], n, features, emissions);
            model.Crf.Viterbi(emissions, n, labels[s]);
        }
    }
}
