using Sitrep.Core.Documents;

namespace Sitrep.Models;

/// <summary>A sentence as the encoder sees it: wordpiece ids ([CLS] … [SEP]) and, per house token, its first piece.</summary>
public sealed record PieceSequence(long[] Ids, int[] FirstPiece, int FirstToken);

/// <summary>
/// Vectors for the house's own tokens (<c>Sitrep.Text.Tokens.Tokenizer</c>): each token is split into wordpieces on
/// its own, so a vector always belongs to one token, and a token's vector is its first piece's (as BERT taggers do).
/// A sentence longer than the model's 512 pieces is encoded in consecutive windows.
/// </summary>
public sealed class TokenEncoder(OnnxEncoder encoder, WordPieces pieces, int batchSize = 16)
{
    public static TokenEncoder FromPackage(int layers = OnnxEncoder.FullDepth, int threads = 2) =>
        new(new OnnxEncoder(layers, threads), WordPieces.FromPackage());

    public OnnxEncoder Encoder => encoder;
    public WordPieces Pieces => pieces;

    /// <summary>The sentence's tokens as one or more piece sequences, each within the model's limit.</summary>
    public List<PieceSequence> Align(string text, IReadOnlyList<TextSpan> tokens)
    {
        var result = new List<PieceSequence>();
        var ids = new List<long> { WordPieces.Classifier };
        var first = new List<int>();
        var firstToken = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            var word = pieces.Of(text.Substring(tokens[t].Start, tokens[t].Length));
            var take = Math.Min(word.Length, WordPieces.MaxSequence - 2);
            if (ids.Count + take + 1 > WordPieces.MaxSequence && first.Count > 0)
            {
                result.Add(new PieceSequence([.. ids, WordPieces.Separator], [.. first], firstToken));
                ids = [WordPieces.Classifier];
                first = [];
                firstToken = t;
            }
            first.Add(ids.Count);
            for (var k = 0; k < take; k++) ids.Add(word[k]);
        }
        if (first.Count > 0 || result.Count == 0) result.Add(new PieceSequence([.. ids, WordPieces.Separator], [.. first], firstToken));
        return result;
    }

    /// <summary>Per sentence, per token, the hidden state of the token's first wordpiece: [tokens × 384] row-major.</summary>
    public float[][] Encode(string text, IReadOnlyList<IReadOnlyList<TextSpan>> sentences)
    {
        var sequences = new List<(int Sentence, PieceSequence Sequence)>();
        for (var s = 0; s < sentences.Count; s++)
            foreach (var p in Align(text, sentences[s])) sequences.Add((s, p));
        var hidden = RunBatched(sequences.Select(x => x.Sequence.Ids).ToArray());
        var width = OnnxEncoder.Width;
        var result = sentences.Select(s => new float[s.Count * width]).ToArray();
        for (var k = 0; k < sequences.Count; k++)
        {
            var (s, p) = sequences[k];
            for (var t = 0; t < p.FirstPiece.Length; t++)
                hidden[k].AsSpan(p.FirstPiece[t] * width, width).CopyTo(result[s].AsSpan((p.FirstToken + t) * width));
        }
        return result;
    }

    /// <summary>Hidden states of many sequences, batched by length so little is padded.</summary>
    public float[][] RunBatched(IReadOnlyList<long[]> sequences)
    {
        var result = new float[sequences.Count][];
        var order = Enumerable.Range(0, sequences.Count).OrderBy(i => sequences[i].Length).ToArray();
        for (var start = 0; start < order.Length; start += batchSize)
        {
            var chunk = order.AsSpan(start, Math.Min(batchSize, order.Length - start)).ToArray();
            var hidden = encoder.Run(chunk.Select(i => sequences[i]).ToArray());
            for (var k = 0; k < chunk.Length; k++) result[chunk[k]] = hidden[k];
        }
        return result;
    }
}
