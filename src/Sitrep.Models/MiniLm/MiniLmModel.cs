namespace Sitrep.Models.MiniLm;

/// <summary>
/// The house's own MiniLM forward pass: embeddings (word + position + type, then norm) and the transformer layers,
/// one unpadded sequence at a time. It matches ONNX Runtime to 1e-4 and lets a fine-tuned top replace the package's.
/// </summary>
public sealed class MiniLmModel(MiniLmWeights weights)
{
    public MiniLmWeights Weights => weights;

    /// <summary>The normalised embeddings of a wordpiece sequence ([CLS] … [SEP]), [n × width].</summary>
    public float[] Embed(ReadOnlySpan<long> ids)
    {
        var s = weights.Shape;
        var n = ids.Length;
        var w = s.Width;
        var sum = new float[n * w];
        for (var i = 0; i < n; i++)
        {
            var row = sum.AsSpan(i * w, w);
            System.Numerics.Tensors.TensorPrimitives.Add(weights.WordEmbeddings.AsSpan((int)ids[i] * w, w), weights.PositionEmbeddings.AsSpan(i * w, w), row);
            System.Numerics.Tensors.TensorPrimitives.Add(row, weights.TypeEmbeddings.AsSpan(0, w), row);
        }
        var y = new float[n * w];
        Ops.LayerNorm(sum, n, w, weights.EmbeddingGain, weights.EmbeddingBias, s.Epsilon, new float[n * w], new float[n], y);
        return y;
    }

    /// <summary>Hidden states after layers [from, to) given the states before layer <paramref name="from"/>.</summary>
    public float[] Layers(float[] hidden, int n, int from, int to)
    {
        var cache = new LayerCache();
        var x = hidden;
        for (var l = from; l < to; l++)
        {
            var y = new float[n * weights.Shape.Width];
            TransformerLayer.Forward(weights.Shape, weights.Layers[l], x, n, cache, y);
            x = y;
        }
        return x;
    }

    /// <summary>The last hidden states of a sequence, [n × width].</summary>
    public float[] Forward(ReadOnlySpan<long> ids) => Layers(Embed(ids), ids.Length, 0, weights.Shape.Layers);
}
