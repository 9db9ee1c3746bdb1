using System.Numerics.Tensors;

namespace Sitrep.Models.MiniLm;

/// <summary>What one layer's forward pass keeps for its backward pass, for one sequence of n wordpieces.</summary>
public sealed class LayerCache
{
    public int N;
    public float[] Input = [], Q = [], K = [], V = [], Probabilities = [], Context = [], Norm1 = [], Norm1InvStd = [], Hidden1 = [];
    public float[] Up = [], Activated = [], Norm2 = [], Norm2InvStd = [];

    public void Ensure(int n, BertShape s)
    {
        N = n;
        int w = s.Width, f = s.FeedForward;
        if (Input.Length >= n * w && Probabilities.Length >= s.Heads * n * n) return;
        Input = new float[n * w]; Q = new float[n * w]; K = new float[n * w]; V = new float[n * w];
        Probabilities = new float[s.Heads * n * n]; Context = new float[n * w];
        Norm1 = new float[n * w]; Norm1InvStd = new float[n]; Hidden1 = new float[n * w];
        Up = new float[n * f]; Activated = new float[n * f]; Norm2 = new float[n * w]; Norm2InvStd = new float[n];
    }
}

/// <summary>
/// One BERT layer: multi-head self-attention, add and norm, GELU feed-forward, add and norm (post-norm, as BERT and
/// MiniLM are). A sequence is one sentence without padding, so no attention mask is needed.
/// </summary>
public static class TransformerLayer
{
    public static void Forward(BertShape s, LayerWeights p, ReadOnlySpan<float> x, int n, LayerCache c, Span<float> y)
    {
        c.Ensure(n, s);
        int w = s.Width, f = s.FeedForward;
        x[..(n * w)].CopyTo(c.Input);
        Ops.Linear(x, n, w, p.Query, p.QueryBias, c.Q);
        Ops.Linear(x, n, w, p.Key, p.KeyBias, c.K);
        Ops.Linear(x, n, w, p.Value, p.ValueBias, c.V);
        Attend(s, c, n);
        var attended = new float[n * w];
        Ops.Linear(c.Context, n, w, p.Output, p.OutputBias, attended);
        TensorPrimitives.Add(attended, x[..(n * w)], attended);
        Ops.LayerNorm(attended, n, w, p.Norm1Gain, p.Norm1Bias, s.Epsilon, c.Norm1, c.Norm1InvStd, c.Hidden1);
        Ops.Linear(c.Hidden1, n, w, p.Up, p.UpBias, c.Up);
        Ops.Gelu(c.Up.AsSpan(0, n * f), c.Activated);
        var down = new float[n * w];
        Ops.Linear(c.Activated, n, f, p.Down, p.DownBias, down);
        TensorPrimitives.Add(down, c.Hidden1.AsSpan(0, n * w), down);
        Ops.LayerNorm(down, n, w, p.Norm2Gain, p.Norm2Bias, s.Epsilon, c.Norm2, c.Norm2InvStd, y);
    }

    private static void Attend(BertShape s, LayerCache c, int n)
    {
        int w = s.Width, d = s.HeadWidth;
        var scale = 1f / MathF.Sqrt(d);
        for (var h = 0; h < s.Heads; h++)
            for (var i = 0; i < n; i++)
            {
                var row = c.Probabilities.AsSpan((h * n + i) * n, n);
                var qi = c.Q.AsSpan(i * w + h * d, d);
                for (var j = 0; j < n; j++) row[j] = TensorPrimitives.Dot(qi, c.K.AsSpan(j * w + h * d, d)) * scale;
                TensorPrimitives.SoftMax(row, row);
                var ctx = c.Context.AsSpan(i * w + h * d, d);
                ctx.Clear();
                for (var j = 0; j < n; j++) TensorPrimitives.MultiplyAdd(c.V.AsSpan(j * w + h * d, d), row[j], ctx, ctx);
            }
    }

    /// <summary>Given dy (the loss's gradient at the layer's output), adds to the gradients g and writes dx.</summary>
    public static void Backward(BertShape s, LayerWeights p, LayerCache c, ReadOnlySpan<float> dy, LayerWeights g, Span<float> dx)
    {
        int n = c.N, w = s.Width, f = s.FeedForward, d = s.HeadWidth;
        var dDown = new float[n * w];
        Ops.LayerNormBackward(c.Norm2, c.Norm2InvStd, dy, n, w, p.Norm2Gain, g.Norm2Gain, g.Norm2Bias, dDown);
        var dActivated = new float[n * f];
        Ops.LinearBackward(c.Activated, dDown, n, f, w, p.Down, g.Down, g.DownBias, dActivated);
        var dUp = new float[n * f];
        Ops.GeluBackward(c.Up.AsSpan(0, n * f), dActivated, dUp);
        var dHidden1 = new float[n * w];
        Ops.LinearBackward(c.Hidden1, dUp, n, w, f, p.Up, g.Up, g.UpBias, dHidden1);
        TensorPrimitives.Add(dHidden1, dDown, dHidden1);
        var dAttended = new float[n * w];
        Ops.LayerNormBackward(c.Norm1, c.Norm1InvStd, dHidden1, n, w, p.Norm1Gain, g.Norm1Gain, g.Norm1Bias, dAttended);
        var dContext = new float[n * w];
        Ops.LinearBackward(c.Context, dAttended, n, w, w, p.Output, g.Output, g.OutputBias, dContext);
        var dq = new float[n * w];
        var dk = new float[n * w];
        var dv = new float[n * w];
        var scale = 1f / MathF.Sqrt(d);
        var dP = new float[n];
        for (var h = 0; h < s.Heads; h++)
            for (var i = 0; i < n; i++)
            {
                var row = c.Probabilities.AsSpan((h * n + i) * n, n);
                var dctx = dContext.AsSpan(i * w + h * d, d);
                for (var j = 0; j < n; j++)
                {
                    dP[j] = TensorPrimitives.Dot(dctx, c.V.AsSpan(j * w + h * d, d));
                    var dvj = dv.AsSpan(j * w + h * d, d);
                    TensorPrimitives.MultiplyAdd(dctx, row[j], dvj, dvj);
                }
                var expected = TensorPrimitives.Dot(row, dP);
                var dqi = dq.AsSpan(i * w + h * d, d);
                var qi = c.Q.AsSpan(i * w + h * d, d);
                for (var j = 0; j < n; j++)
                {
                    var dScore = row[j] * (dP[j] - expected) * scale;
                    if (dScore == 0) continue;
                    TensorPrimitives.MultiplyAdd(c.K.AsSpan(j * w + h * d, d), dScore, dqi, dqi);
                    var dkj = dk.AsSpan(j * w + h * d, d);
                    TensorPrimitives.MultiplyAdd(qi, dScore, dkj, dkj);
                }
            }
        // the input feeds query, key, value and the residual
        dAttended.AsSpan().CopyTo(dx);
        var part = new float[n * w];
        Ops.LinearBackward(c.Input, dq, n, w, w, p.Query, g.Query, g.QueryBias, part);
        TensorPrimitives.Add(dx[..(n * w)], part, dx);
        Ops.LinearBackward(c.Input, dk, n, w, w, p.Key, g.Key, g.KeyBias, part);
        TensorPrimitives.Add(dx[..(n * w)], part, dx);
        Ops.LinearBackward(c.Input, dv, n, w, w, p.Value, g.Value, g.ValueBias, part);
        TensorPrimitives.Add(dx[..(n * w)], part, dx);
    }
}
