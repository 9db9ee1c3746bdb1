using System.Runtime.InteropServices;

namespace Sitrep.Models.MiniLm;

/// <summary>The shape of a BERT encoder. MiniLM-L6: 384 wide, 12 heads, 1,536 in the feed-forward, 6 layers.</summary>
public sealed record BertShape(int Width = 384, int Heads = 12, int FeedForward = 1536, int Layers = 6, int Vocabulary = 30522,
    int Positions = 512, float Epsilon = 1e-12f)
{
    public int HeadWidth => Width / Heads;
}

/// <summary>One transformer layer's parameters (also used for their gradients, same shapes).</summary>
public sealed class LayerWeights
{
    public float[] Query, QueryBias, Key, KeyBias, Value, ValueBias, Output, OutputBias, Norm1Gain, Norm1Bias;
    public float[] Up, UpBias, Down, DownBias, Norm2Gain, Norm2Bias;

    public LayerWeights(BertShape s)
    {
        int w = s.Width, f = s.FeedForward;
        Query = new float[w * w]; QueryBias = new float[w];
        Key = new float[w * w]; KeyBias = new float[w];
        Value = new float[w * w]; ValueBias = new float[w];
        Output = new float[w * w]; OutputBias = new float[w];
        Norm1Gain = new float[w]; Norm1Bias = new float[w];
        Up = new float[w * f]; UpBias = new float[f];
        Down = new float[f * w]; DownBias = new float[w];
        Norm2Gain = new float[w]; Norm2Bias = new float[w];
    }

    /// <summary>Every parameter array with a stable name, in a fixed order (for optimisers, saving and tests).</summary>
    public IEnumerable<(string Name, float[] Values)> Tensors()
    {
        yield return ("query", Query); yield return ("query.bias", QueryBias);
        yield return ("key", Key); yield return ("key.bias", KeyBias);
        yield return ("value", Value); yield return ("value.bias", ValueBias);
        yield return ("output", Output); yield return ("output.bias", OutputBias);
        yield return ("norm1.gain", Norm1Gain); yield return ("norm1.bias", Norm1Bias);
        yield return ("up", Up); yield return ("up.bias", UpBias);
        yield return ("down", Down); yield return ("down.bias", DownBias);
        yield return ("norm2.gain", Norm2Gain); yield return ("norm2.bias", Norm2Bias);
    }

    public void Clear()
    {
        foreach (var (_, t) in Tensors()) Array.Clear(t);
    }
}

/// <summary>
/// MiniLM's parameters read from the ONNX file's initializers. Biases and norms are named after the PyTorch modules;
/// the exporter left the weight matrices unnamed, so they are taken in graph order: each layer's MatMuls against a
/// constant are query, key, value, attention output, feed-forward up, feed-forward down.
/// </summary>
public sealed class MiniLmWeights
{
    public BertShape Shape { get; }
    public float[] WordEmbeddings, PositionEmbeddings, TypeEmbeddings, EmbeddingGain, EmbeddingBias;
    public LayerWeights[] Layers;

    public MiniLmWeights(BertShape shape)
    {
        Shape = shape;
        WordEmbeddings = new float[shape.Vocabulary * shape.Width];
        PositionEmbeddings = new float[shape.Positions * shape.Width];
        TypeEmbeddings = new float[2 * shape.Width];
        EmbeddingGain = new float[shape.Width];
        EmbeddingBias = new float[shape.Width];
        Layers = Enumerable.Range(0, shape.Layers).Select(_ => new LayerWeights(shape)).ToArray();
    }

    /// <summary>The encoder's weights from its package.</summary>
    public static MiniLmWeights FromPackage() => FromOnnx(EncoderPackage.ModelBytes());

    public static MiniLmWeights FromOnnx(byte[] bytes)
    {
        var graph = Onnx.ModelProto.Parser.ParseFrom(bytes).Graph;
        var tensors = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        float[] Read(string name)
        {
            if (!tensors.TryGetValue(name, out var t)) throw new InvalidDataException($"the encoder model has no initializer {name}");
            if (t.DataType != (int)Onnx.TensorProto.Types.DataType.Float) throw new InvalidDataException($"{name} is not float32");
            return t.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(t.RawData.Span).ToArray() : [.. t.FloatData];
        }
        var words = tensors["embeddings.word_embeddings.weight"];
        var shape = new BertShape(Width: (int)words.Dims[1], Vocabulary: (int)words.Dims[0]);
        var layerCount = graph.Initializer.Count(t => t.Name.StartsWith("encoder.layer.", StringComparison.Ordinal)
            && t.Name.EndsWith(".output.LayerNorm.bias", StringComparison.Ordinal) && !t.Name.Contains("attention", StringComparison.Ordinal));
        shape = shape with { Layers = layerCount };
        var m = new MiniLmWeights(shape)
        {
            WordEmbeddings = Read("embeddings.word_embeddings.weight"),
            PositionEmbeddings = Read("embeddings.position_embeddings.weight"),
            TypeEmbeddings = Read("embeddings.token_type_embeddings.weight"),
            EmbeddingGain = Read("embeddings.LayerNorm.weight"),
            EmbeddingBias = Read("embeddings.LayerNorm.bias"),
        };
        for (var l = 0; l < layerCount; l++)
        {
            var layer = m.Layers[l];
            foreach (var ((_, target), name) in layer.Tensors().ToList().Zip(LayerInitializers(graph, l)))
            {
                var values = Read(name);
                if (values.Length != target.Length) throw new InvalidDataException($"{name} has {values.Length} values, not {target.Length}");
                values.CopyTo(target, 0);
            }
        }
        if (m.Layers[0].Up.Length != shape.Width * shape.FeedForward)
            throw new InvalidDataException("the encoder model's feed-forward is not 4 × its width; this is not a MiniLM/BERT layout");
        return m;
    }

    /// <summary>The initializer names of one layer's parameters, in <see cref="LayerWeights.Tensors"/> order.</summary>
    public static IReadOnlyList<string> LayerInitializers(Onnx.GraphProto graph, int layer)
    {
        var constants = graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var matrices = graph.Node.Where(n => n.OpType == "MatMul" && n.Input.Count == 2 && constants.Contains(n.Input[1]))
            .Select(n => n.Input[1]).Skip(layer * 6).Take(6).ToList();
        if (matrices.Count < 6) throw new InvalidDataException($"the encoder model has no layer {layer}");
        var p = $"encoder.layer.{layer}.";
        return
        [
            matrices[0], p + "attention.self.query.bias", matrices[1], p + "attention.self.key.bias",
            matrices[2], p + "attention.self.value.bias", matrices[3], p + "attention.output.dense.bias",
            p + "attention.output.LayerNorm.weight", p + "attention.output.LayerNorm.bias",
            matrices[4], p + "intermediate.dense.bias", matrices[5], p + "output.dense.bias",
            p + "output.LayerNorm.weight", p + "output.LayerNorm.bias",
        ];
    }

    /// <summary>Small random weights, for tests of the arithmetic on a tiny model.</summary>
    public static MiniLmWeights Random(BertShape shape, int seed)
    {
        var random = new Random(seed);
        var m = new MiniLmWeights(shape);
        void Fill(float[] a, float scale, float offset = 0) { for (var i = 0; i < a.Length; i++) a[i] = offset + scale * (float)(random.NextDouble() * 2 - 1); }
        Fill(m.WordEmbeddings, 1); Fill(m.PositionEmbeddings, 0.5f); Fill(m.TypeEmbeddings, 0.5f);
        Fill(m.EmbeddingGain, 0.2f, 1); Fill(m.EmbeddingBias, 0.1f);
        foreach (var layer in m.Layers)
            foreach (var (name, t) in layer.Tensors())
                Fill(t, name.EndsWith("gain", StringComparison.Ordinal) ? 0.2f : 0.5f, name.EndsWith("gain", StringComparison.Ordinal) ? 1 : 0);
        return m;
    }
}
