using System.Runtime.InteropServices;

namespace Sitrep.Text.Entities;

/// <summary>
/// The weights of an averaged perceptron (Collins 2002) while it trains: one row of label weights per hashed feature,
/// added the first time the feature is updated, and lazily kept sums so that averaging costs nothing per step.
/// The entity and event-mention trainers share it; rows keep the order features were first seen, so a rebuild
/// gives the same model byte for byte.
/// </summary>
public sealed class AveragedWeights(int labels, int expectedRows)
{
    private readonly Dictionary<ulong, int> _rows = new(expectedRows);
    private readonly List<float> _weights = new(expectedRows * labels);
    private readonly List<double> _totals = new(expectedRows * labels);
    private readonly List<int> _stamps = new(expectedRows * labels);
    private int _step;

    /// <summary>Moves on to the next training example; the average counts each weight once per step.</summary>
    public void Tick() => _step++;

    public void Update(ulong feature, int label, float delta)
    {
        if (!_rows.TryGetValue(feature, out var row))
        {
            row = _rows.Count;
            _rows[feature] = row;
            for (var k = 0; k < labels; k++) { _weights.Add(0); _totals.Add(0); _stamps.Add(0); }
        }
        var i = row * labels + label;
        _totals[i] += (double)(_step - _stamps[i]) * _weights[i];
        _stamps[i] = _step;
        _weights[i] += delta;
    }

    /// <summary>Adds the current (not averaged) weights of the features to the scores.</summary>
    public void AddScores(List<ulong> features, float[] scores)
    {
        var w = CollectionsMarshal.AsSpan(_weights);
        foreach (var f in features)
        {
            if (!_rows.TryGetValue(f, out var row)) continue;
            for (var k = 0; k < labels; k++) scores[k] += w[row * labels + k];
        }
    }

    /// <summary>The averaged weights, leaving out rows whose largest weight is at most <paramref name="pruneBelow"/>.</summary>
    public (Dictionary<ulong, int> Rows, float[] Weights) Averaged(float pruneBelow)
    {
        var keep = new Dictionary<ulong, int>();
        var kept = new List<float>();
        var row = new float[labels];
        foreach (var (key, r) in _rows)
        {
            var max = 0f;
            for (var k = 0; k < labels; k++)
            {
                var i = r * labels + k;
                row[k] = (float)((_totals[i] + (double)(_step - _stamps[i]) * _weights[i]) / _step);
                max = Math.Max(max, Math.Abs(row[k]));
            }
            if (max <= pruneBelow) continue;
            keep[key] = keep.Count;
            kept.AddRange(row);
        }
        return (keep, [.. kept]);
    }
}
