using Sitrep.Models.MiniLm;
using Sitrep.Text.Entities;
using Sitrep.Text.Entities.Encoder;

namespace Sitrep.Text.Tests;

public class EncoderEntityModelTests
{
    private static readonly EntityLabels Labels = new(EntityLabels.ConllTypes);

    private static Crf RandomCrf(int seed)
    {
        var random = new Random(seed);
        var crf = new Crf(Labels.Count);
        for (var i = 0; i < crf.Transitions.Length; i++) crf.Transitions[i] = (float)random.NextDouble() * 2 - 1;
        for (var i = 0; i < crf.Start.Length; i++) crf.Start[i] = (float)random.NextDouble() * 2 - 1;
        return crf;
    }

    private static float[] RandomEmissions(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n * Labels.Count).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
    }

    /// <summary>Every label sequence IOB2 allows, scored by hand: the CRF's log-partition must equal their log-sum-exp.</summary>
    [Fact]
    public void The_crf_loss_is_the_negative_log_likelihood_over_all_allowed_sequences()
    {
        const int n = 3;
        var crf = RandomCrf(1);
        var emissions = RandomEmissions(n, 2);
        int[] gold = [Labels.Parse("B-PER"), Labels.Parse("I-PER"), 0];
        double Score(int[] y)
        {
            double s = crf.Start[y[0]] + emissions[y[0]];
            for (var i = 1; i < n; i++) s += crf.Transitions[y[i - 1] * Labels.Count + y[i]] + emissions[i * Labels.Count + y[i]];
            return s;
        }
        var all = new List<double>();
        var l = Labels.Count;
        for (var a = 0; a < l; a++) for (var b = 0; b < l; b++) for (var c = 0; c < l; c++)
            if (EntityLabels.Allowed(0, a) && EntityLabels.Allowed(a, b) && EntityLabels.Allowed(b, c)) all.Add(Score([a, b, c]));
        var max = all.Max();
        var logZ = max + Math.Log(all.Sum(s => Math.Exp(s - max)));
        var loss = crf.Loss(emissions, n, gold, new float[n * l], new float[l * l], new float[l]);
        Assert.Equal(logZ - Score(gold), loss, 4);
    }

    [Fact]
    public void The_crf_gradient_matches_central_differences()
    {
        const int n = 4;
        var crf = RandomCrf(3);
        var emissions = RandomEmissions(n, 4);
        int[] gold = [0, Labels.Parse("B-LOC"), Labels.Parse("I-LOC"), Labels.Parse("B-ORG")];
        var l = Labels.Count;
        var dE = new float[n * l];
        var dT = new float[l * l];
        var dS = new float[l];
        crf.Loss(emissions, n, gold, dE, dT, dS);
        double Loss() => crf.Loss(emissions, n, gold, new float[n * l], new float[l * l], new float[l]);
        const float step = 1e-2f;
        void Check(float[] v, float[] g, string what)
        {
            for (var i = 0; i < v.Length; i++)
            {
                var keep = v[i];
                v[i] = keep + step; var up = Loss();
                v[i] = keep - step; var down = Loss();
                v[i] = keep;
                Assert.True(Math.Abs((up - down) / (2 * step) - g[i]) < 2e-3, $"{what}[{i}]: numeric {(up - down) / (2 * step)}, analytic {g[i]}");
            }
        }
        Check(emissions, dE, "emissions");
        Check(crf.Transitions, dT, "transitions");
        Check(crf.Start, dS, "start");
    }

    [Fact]
    public void Viterbi_never_starts_a_name_inside_and_follows_strong_emissions()
    {
        var crf = new Crf(Labels.Count);
        const int n = 3;
        var emissions = new float[n * Labels.Count];
        // the tokens' own scores say I-PER, O, I-LOC: IOB2 forbids I after O, so B is the best allowed reading
        emissions[Labels.Parse("I-PER")] = 5; emissions[Labels.Parse("B-PER")] = 4;
        emissions[Labels.Count + 0] = 5;
        emissions[2 * Labels.Count + Labels.Parse("I-LOC")] = 5; emissions[2 * Labels.Count + Labels.Parse("B-LOC")] = 4;
        var labels = new int[n];
        crf.Viterbi(emissions, n, labels);
        Assert.Equal(["B-PER", "O", "B-LOC"], labels.Select(k => Labels.Names[k]));
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_scores()
    {
        var random = new Random(5);
        var rows = new Dictionary<ulong, int> { [11] = 0, [22] = 1, [33] = 2 };
        var shape = new BertShape(Layers: 5);
        var model = new EncoderEntityModel(Labels, shape, [], rows, new Dictionary<string, string> { ["lexicon"] = "x" });
        foreach (var a in new[] { model.Dense, model.DenseBias, model.Sparse, model.Crf.Transitions, model.Crf.Start })
            for (var i = 0; i < a.Length; i++) a[i] = (float)(random.NextDouble() * 2 - 1);
        var path = Path.Combine(Path.GetTempPath(), $"sitrep-encoder-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path);
            var loaded = EncoderEntityModel.Load(path);
            Assert.Equal(5, loaded.Shape.Layers);
            Assert.Equal("x", loaded.Info["lexicon"]);
            var vectors = Enumerable.Range(0, 2 * shape.Width).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            var a1 = new float[2 * Labels.Count];
            var a2 = new float[2 * Labels.Count];
            model.Emissions(vectors, 2, [[rows[11]], [rows[22], rows[33]]], a1);
            loaded.Emissions(vectors, 2, [[loaded.SparseRows[11]], [loaded.SparseRows[22], loaded.SparseRows[33]]], a2);
            // fp16 keeps about three significant digits of each weight
            for (var i = 0; i < a1.Length; i++) Assert.True(Math.Abs(a1[i] - a2[i]) < 0.02, $"{a1[i]} saved, {a2[i]} loaded");
        }
        finally { File.Delete(path); }
    }
}
