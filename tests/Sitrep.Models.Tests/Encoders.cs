using Sitrep.Models;
using Sitrep.Models.MiniLm;

namespace Sitrep.Models.Tests;

/// <summary>One load of the package's model for the whole test run: loading costs a second and 100 MB.</summary>
internal static class Encoders
{
    private static readonly Lazy<OnnxEncoder> Full = new(() => new OnnxEncoder(threads: 1));
    private static readonly Lazy<WordPieces> Vocabulary = new(WordPieces.FromPackage);
    private static readonly Lazy<MiniLmWeights> OwnWeights = new(MiniLmWeights.FromPackage);

    public static OnnxEncoder Onnx => Full.Value;
    public static WordPieces Pieces => Vocabulary.Value;
    public static MiniLmWeights Weights => OwnWeights.Value;
}
