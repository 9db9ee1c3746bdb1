using Sitrep.Models.MiniLm;

namespace Sitrep.Models.Tests;

/// <summary>
/// Every backward pass against central differences of its forward pass, in double-checked float arithmetic on a tiny
/// random model (width 8, 2 heads, feed-forward 16): the loss is a fixed random projection of the output.
/// </summary>
public class GradientTests
{
    private static readonly BertShape Tiny = new(Width: 8, Heads: 2, FeedForward: 16, Layers: 2, Vocabulary: 20, Positions: 10, Epsilon: 1e-5f);
    private const float Step = 1e-2f;

    private static float[] RandomArray(int length, int seed, float scale = 1)
    {
        var r = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => scale * (float)(r.NextDouble() * 2 - 1)).ToArray();
    }

    private static double Loss(float[] y, float[] projection) => y.Zip(projection, (a, b) => (double)a * b).Sum();

    private static void AssertClose(double numeric, double analytic, string what)
    {
        var tolerance = 2e-3 + 2e-2 * Math.Abs(numeric);
        Assert.True(Math.Abs(numeric - analytic) <= tolerance, $"{what}: numeric {numeric}, analytic {analytic}");
    }

    /// <summary>Checks d loss / d v[i] for a sample of i, where loss() recomputes the forward pass.</summary>
    private static void Check(float[] v, float[] gradient, Func<double> loss, string what)
    {
        for (var i = 0; i < v.Length; i += Math.Max(1, v.Length / 12))
        {
            var keep = v[i];
            v[i] = keep + Step; var up = loss();
            v[i] = keep - Step; var down = loss();
            v[i] = keep;
            AssertClose((up - down) / (2 * Step), gradient[i], $"{what}[{i}]");
        }
    }

    [Fact]
    public void Linear()
    {
        const int n = 3, inW = 5, outW = 4;
        var x = RandomArray(n * inW, 1); var w = RandomArray(inW * outW, 2); var b = RandomArray(outW, 3);
        var projection = RandomArray(n * outW, 4);
        double Forward() { var y = new float[n * outW]; Ops.Linear(x, n, inW, w, b, y); return Loss(y, projection); }
        var dw = new float[w.Length]; var db = new float[outW]; var dx = new float[x.Length];
        Ops.LinearBackward(x, projection, n, inW, outW, w, dw, db, dx);
        Check(x, dx, Forward, "x"); Check(w, dw, Forward, "w"); Check(b, db, Forward, "b");
    }

    [Fact]
    public void Layer_norm()
    {
        const int n = 3, width = 6;
        var x = RandomArray(n * width, 5, 2); var gain = RandomArray(width, 6); var bias = RandomArray(width, 7);
        var projection = RandomArray(n * width, 8);
        double Forward()
        {
            var y = new float[n * width];
            Ops.LayerNorm(x, n, width, gain, bias, 1e-5f, new float[n * width], new float[n], y);
            return Loss(y, projection);
        }
        var xh = new float[n * width]; var inv = new float[n];
        Ops.LayerNorm(x, n, width, gain, bias, 1e-5f, xh, inv, new float[n * width]);
        var dGain = new float[width]; var dBias = new float[width]; var dx = new float[x.Length];
        Ops.LayerNormBackward(xh, inv, projection, n, width, gain, dGain, dBias, dx);
        Check(x, dx, Forward, "x"); Check(gain, dGain, Forward, "gain"); Check(bias, dBias, Forward, "bias");
    }

    [Fact]
    public void Gelu()
    {
        var u = RandomArray(40, 9, 4);
        var projection = RandomArray(40, 10);
        double Forward() { var g = new float[u.Length]; Ops.Gelu(u, g); return Loss(g, projection); }
        var du = new float[u.Length];
        Ops.GeluBackward(u, projection, du);
        Check(u, du, Forward, "u");
        Assert.Equal(0.8427007929497149, Ops.Erf(1), 12);
        Assert.Equal(-0.9953222650189527, Ops.Erf(-2), 12);
        Assert.Equal(0.9999779095030014, Ops.Erf(3), 12);
    }

    [Fact]
    public void Transformer_layer_every_parameter_and_the_input()
    {
        const int n = 4;
        var weights = MiniLmWeights.Random(Tiny, 11);
        var p = weights.Layers[0];
        var x = RandomArray(n * Tiny.Width, 12);
        var projection = RandomArray(n * Tiny.Width, 13);
        double Forward()
        {
            var y = new float[n * Tiny.Width];
            TransformerLayer.Forward(Tiny, p, x, n, new LayerCache(), y);
            return Loss(y, projection);
        }
        var cache = new LayerCache();
        TransformerLayer.Forward(Tiny, p, x, n, cache, new float[n * Tiny.Width]);
        var g = new LayerWeights(Tiny);
        var dx = new float[x.Length];
        TransformerLayer.Backward(Tiny, p, cache, projection, g, dx);
        Check(x, dx, Forward, "input");
        foreach (var ((name, values), (_, gradient)) in p.Tensors().Zip(g.Tensors())) Check(values, gradient, Forward, name);
    }

    [Fact]
    public void Two_layers_chain_their_gradients()
    {
        const int n = 3;
        var weights = MiniLmWeights.Random(Tiny, 21);
        var x = RandomArray(n * Tiny.Width, 22);
        var projection = RandomArray(n * Tiny.Width, 23);
        var model = new MiniLmModel(weights);
        double Forward() => Loss(model.Layers(x, n, 0, 2), projection);
        var c0 = new LayerCache(); var c1 = new LayerCache();
        var h = new float[n * Tiny.Width]; var y = new float[n * Tiny.Width];
        TransformerLayer.Forward(Tiny, weights.Layers[0], x, n, c0, h);
        TransformerLayer.Forward(Tiny, weights.Layers[1], h, n, c1, y);
        var g0 = new LayerWeights(Tiny); var g1 = new LayerWeights(Tiny);
        var dh = new float[h.Length]; var dx = new float[x.Length];
        TransformerLayer.Backward(Tiny, weights.Layers[1], c1, projection, g1, dh);
        TransformerLayer.Backward(Tiny, weights.Layers[0], c0, dh, g0, dx);
        Check(x, dx, Forward, "input");
        Check(weights.Layers[0].Query, g0.Query, Forward, "layer 0 query");
        Check(weights.Layers[0].Down, g0.Down, Forward, "layer 0 down");
    }
}
