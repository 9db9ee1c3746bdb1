using System.Numerics.Tensors;

namespace Sitrep.Models.MiniLm;

/// <summary>
/// The few operations a BERT layer is made of, forward and backward, on row-major float arrays. Matrices are stored as
/// ONNX stores them, [in × out], so both y = xW (rows of W scaled and added) and dx = dy Wᵀ (dot products with rows of
/// W) run over contiguous memory with TensorPrimitives.
/// </summary>
public static class Ops
{
    /// <summary>y[n × out] = x[n × in] · w[in × out] + b.</summary>
    public static void Linear(ReadOnlySpan<float> x, int n, int inWidth, ReadOnlySpan<float> w, ReadOnlySpan<float> b, Span<float> y)
    {
        var outWidth = b.Length;
        for (var r = 0; r < n; r++)
        {
            var row = y.Slice(r * outWidth, outWidth);
            b.CopyTo(row);
            var xr = x.Slice(r * inWidth, inWidth);
            for (var k = 0; k < inWidth; k++)
            {
                var v = xr[k];
                if (v != 0) TensorPrimitives.MultiplyAdd(w.Slice(k * outWidth, outWidth), v, row, row);
            }
        }
    }

    /// <summary>Given dy, adds to dw and db and writes dx (when not empty).</summary>
    public static void LinearBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, int n, int inWidth, int outWidth,
        ReadOnlySpan<float> w, Span<float> dw, Span<float> db, Span<float> dx)
    {
        for (var r = 0; r < n; r++)
        {
            var dyr = dy.Slice(r * outWidth, outWidth);
            TensorPrimitives.Add(db, dyr, db);
            var xr = x.Slice(r * inWidth, inWidth);
            for (var k = 0; k < inWidth; k++)
            {
                var dwk = dw.Slice(k * outWidth, outWidth);
                if (xr[k] != 0) TensorPrimitives.MultiplyAdd(dyr, xr[k], dwk, dwk);
                if (!dx.IsEmpty) dx[r * inWidth + k] = TensorPrimitives.Dot(dyr, w.Slice(k * outWidth, outWidth));
            }
        }
    }

    /// <summary>Layer norm of each row; keeps the normalised rows and 1/σ for the backward pass.</summary>
    public static void LayerNorm(ReadOnlySpan<float> x, int n, int width, ReadOnlySpan<float> gain, ReadOnlySpan<float> bias,
        float epsilon, Span<float> normalised, Span<float> inverseStd, Span<float> y)
    {
        for (var r = 0; r < n; r++)
        {
            var xr = x.Slice(r * width, width);
            var mean = TensorPrimitives.Sum(xr) / width;
            var xh = normalised.Slice(r * width, width);
            TensorPrimitives.Subtract(xr, mean, xh);
            var variance = TensorPrimitives.SumOfSquares(xh) / width;
            var inv = 1f / MathF.Sqrt(variance + epsilon);
            inverseStd[r] = inv;
            TensorPrimitives.Multiply(xh, inv, xh);
            var yr = y.Slice(r * width, width);
            TensorPrimitives.Multiply(xh, gain, yr);
            TensorPrimitives.Add(yr, bias, yr);
        }
    }

    public static void LayerNormBackward(ReadOnlySpan<float> normalised, ReadOnlySpan<float> inverseStd, ReadOnlySpan<float> dy,
        int n, int width, ReadOnlySpan<float> gain, Span<float> dGain, Span<float> dBias, Span<float> dx)
    {
        Span<float> dxh = stackalloc float[width];
        for (var r = 0; r < n; r++)
        {
            var xh = normalised.Slice(r * width, width);
            var dyr = dy.Slice(r * width, width);
            TensorPrimitives.MultiplyAdd(dyr, xh, dGain, dGain);
            TensorPrimitives.Add(dBias, dyr, dBias);
            TensorPrimitives.Multiply(dyr, gain, dxh);
            var meanD = TensorPrimitives.Sum(dxh) / width;
            var meanDx = TensorPrimitives.Dot(dxh, xh) / width;
            var dxr = dx.Slice(r * width, width);
            for (var k = 0; k < width; k++) dxr[k] = inverseStd[r] * (dxh[k] - meanD - xh[k] * meanDx);
        }
    }

    /// <summary>GELU as BERT computes it, with erf (not the tanh approximation).</summary>
    public static void Gelu(ReadOnlySpan<float> u, Span<float> g)
    {
        for (var i = 0; i < u.Length; i++) g[i] = (float)(0.5 * u[i] * (1 + Erf(u[i] / Math.Sqrt(2))));
    }

    public static void GeluBackward(ReadOnlySpan<float> u, ReadOnlySpan<float> dg, Span<float> du)
    {
        for (var i = 0; i < u.Length; i++)
        {
            double x = u[i];
            var derivative = 0.5 * (1 + Erf(x / Math.Sqrt(2))) + x * Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);
            du[i] = (float)(dg[i] * derivative);
        }
    }

    /// <summary>erf to about 1e-15 absolute: its Maclaurin series near zero, the continued-fraction erfc beyond.</summary>
    public static double Erf(double x)
    {
        var a = Math.Abs(x);
        double result;
        if (a < 2.5)
        {
            // Σ (-1)^n x^(2n+1) / (n! (2n+1)), converging fast for |x| < 2.5
            double term = a, sum = a;
            for (var n = 1; n < 60; n++)
            {
                term *= -a * a / n;
                var add = term / (2 * n + 1);
                sum += add;
                if (Math.Abs(add) < 1e-17) break;
            }
            result = 2 / Math.Sqrt(Math.PI) * sum;
        }
        else
        {
            // erfc(a) = exp(-a²)/√π · 1/(a + 1/2/(a + 1/(a + 3/2/(a + …)))), evaluated from the tail
            var f = 0.0;
            for (var k = 60; k >= 1; k--) f = k / 2.0 / (a + f);
            result = 1 - Math.Exp(-a * a) / Math.Sqrt(Math.PI) / (a + f);
        }
        return x < 0 ? -result : result;
    }
}
