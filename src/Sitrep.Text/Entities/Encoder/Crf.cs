namespace Sitrep.Text.Entities.Encoder;

/// <summary>
/// A linear-chain CRF over IOB2 labels (Lafferty et al. 2001): per-token label scores from the network, a score per
/// label pair, and a score per first label. Transitions IOB2 forbids (O → I-X, B-X → I-Y) are never taken, in
/// training as in decoding.
/// </summary>
public sealed class Crf
{
    public int Labels { get; }
    /// <summary>[previous × next].</summary>
    public float[] Transitions { get; }
    public float[] Start { get; }

    private readonly bool[] _allowed;

    public Crf(int labels)
    {
        Labels = labels;
        Transitions = new float[labels * labels];
        Start = new float[labels];
        _allowed = new bool[labels * labels];
        for (var a = 0; a < labels; a++)
            for (var b = 0; b < labels; b++) _allowed[a * labels + b] = EntityLabels.Allowed(a, b);
    }

    private bool Allowed(int previous, int next) => _allowed[previous * Labels + next];
    private bool AllowedFirst(int label) => EntityLabels.Allowed(0, label);

    /// <summary>The best label sequence for emissions [n × labels].</summary>
    public void Viterbi(ReadOnlySpan<float> emissions, int n, Span<int> labels)
    {
        var l = Labels;
        var score = new double[n * l];
        var back = new int[n * l];
        for (var k = 0; k < l; k++) score[k] = AllowedFirst(k) ? Start[k] + emissions[k] : double.NegativeInfinity;
        for (var i = 1; i < n; i++)
            for (var k = 0; k < l; k++)
            {
                var best = double.NegativeInfinity;
                var from = 0;
                for (var a = 0; a < l; a++)
                {
                    if (!Allowed(a, k)) continue;
                    var s = score[(i - 1) * l + a] + Transitions[a * l + k];
                    if (s > best) { best = s; from = a; }
                }
                score[i * l + k] = best + emissions[i * l + k];
                back[i * l + k] = from;
            }
        var last = 0;
        for (var k = 1; k < l; k++) if (score[(n - 1) * l + k] > score[(n - 1) * l + last]) last = k;
        for (var i = n - 1; i >= 0; i--)
        {
            labels[i] = last;
            last = back[i * l + last];
        }
    }

    /// <summary>
    /// The negative log-likelihood of the gold labels; adds its gradient to dEmissions [n × labels], dTransitions and
    /// dStart (label marginals minus gold counts, from the forward-backward algorithm).
    /// </summary>
    public double Loss(ReadOnlySpan<float> emissions, int n, ReadOnlySpan<int> gold, Span<float> dEmissions, Span<float> dTransitions, Span<float> dStart)
    {
        var l = Labels;
        var alpha = new double[n * l];
        var beta = new double[n * l];
        for (var k = 0; k < l; k++) alpha[k] = AllowedFirst(k) ? Start[k] + emissions[k] : double.NegativeInfinity;
        var terms = new double[l];
        for (var i = 1; i < n; i++)
            for (var k = 0; k < l; k++)
            {
                for (var a = 0; a < l; a++) terms[a] = Allowed(a, k) ? alpha[(i - 1) * l + a] + Transitions[a * l + k] : double.NegativeInfinity;
                alpha[i * l + k] = LogSumExp(terms) + emissions[i * l + k];
            }
        for (var k = 0; k < l; k++) beta[(n - 1) * l + k] = 0;
        for (var i = n - 2; i >= 0; i--)
            for (var a = 0; a < l; a++)
            {
                for (var k = 0; k < l; k++) terms[k] = Allowed(a, k) ? Transitions[a * l + k] + emissions[(i + 1) * l + k] + beta[(i + 1) * l + k] : double.NegativeInfinity;
                beta[i * l + a] = LogSumExp(terms);
            }
        var logZ = LogSumExp(alpha.AsSpan((n - 1) * l, l));
        var goldScore = Start[gold[0]] + (double)emissions[gold[0]];
        for (var i = 1; i < n; i++) goldScore += Transitions[gold[i - 1] * l + gold[i]] + emissions[i * l + gold[i]];
        for (var i = 0; i < n; i++)
            for (var k = 0; k < l; k++)
            {
                var marginal = Math.Exp(alpha[i * l + k] + beta[i * l + k] - logZ);
                dEmissions[i * l + k] += (float)marginal;
                if (i == 0) dStart[k] += (float)marginal;
            }
        for (var i = 1; i < n; i++)
            for (var a = 0; a < l; a++)
            {
                var from = alpha[(i - 1) * l + a];
                if (double.IsNegativeInfinity(from)) continue;
                for (var k = 0; k < l; k++)
                    if (Allowed(a, k))
                        dTransitions[a * l + k] += (float)Math.Exp(from + Transitions[a * l + k] + emissions[i * l + k] + beta[i * l + k] - logZ);
            }
        for (var i = 0; i < n; i++) dEmissions[i * l + gold[i]] -= 1;
        dStart[gold[0]] -= 1;
        for (var i = 1; i < n; i++) dTransitions[gold[i - 1] * l + gold[i]] -= 1;
        return logZ - goldScore;
    }

    private static double LogSumExp(ReadOnlySpan<double> x)
    {
        var max = double.NegativeInfinity;
        foreach (var v in x) if (v > max) max = v;
        if (double.IsNegativeInfinity(max)) return max;
        var sum = 0.0;
        foreach (var v in x) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }
}
