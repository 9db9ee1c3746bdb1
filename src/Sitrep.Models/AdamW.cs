using System.Numerics.Tensors;

namespace Sitrep.Models;

/// <summary>
/// AdamW (Loshchilov and Hutter 2019) over float arrays: Adam's moments with weight decay applied to the weights
/// themselves, and a learning rate that warms up linearly and then decays linearly to zero.
/// </summary>
public sealed class AdamW(float learningRate, int totalSteps, int warmupSteps, float weightDecay = 0.01f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f)
{
    private readonly Dictionary<float[], (float[] M, float[] V)> _moments = new(ReferenceEqualityComparer.Instance);
    private int _step;

    public int Step => _step;

    /// <summary>The learning rate of the current step, after warm-up and decay.</summary>
    public float Rate => learningRate * (_step < warmupSteps ? (_step + 1f) / warmupSteps
        : Math.Max(0f, (float)(totalSteps - _step) / Math.Max(1, totalSteps - warmupSteps)));

    /// <summary>Call once per step, before the updates of that step.</summary>
    public void Advance() => _step++;

    /// <summary>Updates <paramref name="weights"/> from <paramref name="gradient"/> (already averaged over the batch).</summary>
    public void Update(float[] weights, ReadOnlySpan<float> gradient, bool decay = true, float scale = 1)
    {
        if (!_moments.TryGetValue(weights, out var m)) _moments[weights] = m = (new float[weights.Length], new float[weights.Length]);
        Update(weights, gradient, m.M, m.V, _step, decay, scale);
    }

    /// <summary>One row's update with its own moments and its own step count (for sparse rows updated only when seen).</summary>
    public void Update(Span<float> weights, ReadOnlySpan<float> gradient, Span<float> m, Span<float> v, int step, bool decay, float scale = 1)
    {
        var rate = Rate * scale;
        var correction1 = 1 - MathF.Pow(beta1, step);
        var correction2 = 1 - MathF.Pow(beta2, step);
        if (decay && weightDecay > 0) TensorPrimitives.Multiply(weights, 1 - rate * weightDecay, weights);
        for (var i = 0; i < weights.Length; i++)
        {
            var g = gradient[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            weights[i] -= rate * (m[i] / correction1) / (MathF.Sqrt(v[i] / correction2) + epsilon);
        }
    }
}
