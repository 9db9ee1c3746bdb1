using Sitrep.Models.MiniLm;

namespace Sitrep.Models.Tests;

public class MiniLmTests
{
    public static TheoryData<string> Sentences => new()
    {
        "Russian forces shelled Kharkiv overnight, the governor said.",
        "The Institute for the Study of War assessed that the offensive had stalled.",
        "Zelenskyy met Erdoğan in Ankara on 12 March 2025.",
        "Ceasefire.",
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void The_own_forward_pass_equals_onnx_runtime(string sentence)
    {
        var ids = Encoders.Pieces.Sequence(sentence);
        var expected = Encoders.Onnx.Run([ids])[0];
        var actual = new MiniLmModel(Encoders.Weights).Forward(ids);
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst < 1e-4, $"largest difference {worst}");
    }

    [Fact]
    public void A_graph_cut_after_three_layers_returns_the_third_layers_states()
    {
        using var cut = new OnnxEncoder(layers: 3, threads: 1);
        var ids = Encoders.Pieces.Sequence("Kyiv said the drones were shot down over the Black Sea.");
        var expected = cut.Run([ids])[0];
        var own = new MiniLmModel(Encoders.Weights);
        var actual = own.Layers(own.Embed(ids), ids.Length, 0, 3);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst < 1e-4, $"largest difference {worst}");
    }

    [Fact]
    public void The_weights_have_minilms_shape()
    {
        var s = Encoders.Weights.Shape;
        Assert.Equal((384, 12, 1536, 6, 30522), (s.Width, s.Heads, s.FeedForward, s.Layers, s.Vocabulary));
    }
}
