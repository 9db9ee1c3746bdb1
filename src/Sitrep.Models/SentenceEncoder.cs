namespace Sitrep.Models;

/// <summary>
/// Sentence vectors as sentence-transformers makes them for all-MiniLM-L6-v2: the mean of the last hidden states over
/// the sentence's wordpieces ([CLS] and [SEP] included), L2-normalised, so a dot product is the cosine. 384 numbers.
/// </summary>
public sealed class SentenceEncoder(OnnxEncoder encoder, WordPieces pieces, int batchSize = 16)
{
    public int Dimensions => OnnxEncoder.Width;

    /// <summary>Loads the encoder (all six layers) and its vocabulary from the package.</summary>
    /// <exception cref="EncoderUnavailableException">The package or its resources are missing.</exception>
    public static SentenceEncoder FromPackage(int threads = 2) => new(new OnnxEncoder(threads: threads), WordPieces.FromPackage());

    /// <summary>One unit vector per text, in the order given.</summary>
    public float[][] Encode(IReadOnlyList<string> texts)
    {
        var sequences = texts.Select(t => pieces.Sequence(t)).ToArray();
        var result = new float[texts.Count][];
        // texts of like length share a batch, so little is padded
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => sequences[i].Length).ToArray();
        for (var start = 0; start < order.Length; start += batchSize)
        {
            var chunk = order.AsSpan(start, Math.Min(batchSize, order.Length - start)).ToArray();
            var hidden = encoder.Run(chunk.Select(i => sequences[i]).ToArray());
            for (var k = 0; k < chunk.Length; k++) result[chunk[k]] = MeanPool(hidden[k]);
        }
        return result;
    }

    internal static float[] MeanPool(float[] hidden)
    {
        var width = OnnxEncoder.Width;
        var vector = new float[width];
        var rows = hidden.Length / width;
        for (var r = 0; r < rows; r++)
            System.Numerics.Tensors.TensorPrimitives.Add(vector, hidden.AsSpan(r * width, width), vector);
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(vector);
        if (norm > 0) System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }
}
