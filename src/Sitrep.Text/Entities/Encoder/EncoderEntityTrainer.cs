using System.Diagnostics;
using Sitrep.Core.Documents;
using Sitrep.Models;
using Sitrep.Models.MiniLm;

namespace Sitrep.Text.Entities.Encoder;

/// <param name="EncoderLayers">How many of MiniLM's six layers the model reads (the head sits on the last of them).</param>
/// <param name="TunedLayers">How many of those, from the top, are fine-tuned (0: the head alone).</param>
/// <param name="CacheDirectory">Where the frozen layers' outputs are kept between runs (not committed).</param>
/// <param name="Limit">Train on the first this many sentences only (to time an epoch on a slice).</param>
public sealed record EncoderTrainingOptions(int Epochs = 3, int EncoderLayers = 6, int TunedLayers = 1, int BatchSize = 16, float LayerRate = 1e-4f,
    float HeadRate = 1e-3f, float SparseRate = 5e-3f, float Warmup = 0.1f, int Seed = 1, int Threads = 2,
    string CacheDirectory = "build/ner-cache", int? Limit = null);

/// <summary>
/// Fine-tunes <see cref="EncoderEntityModel"/>: the frozen lower layers run once over every sentence (ONNX Runtime,
/// its graph cut where the tuned layers begin) and their outputs are cached, so an epoch runs only the tuned layers,
/// forward and backward, in the house's own MiniLM code. AdamW with linear warm-up and decay; the CRF's likelihood as
/// the loss; the epoch with the best dev F1 is kept.
/// </summary>
public static class EncoderEntityTrainer
{
    internal sealed record Example(long[] Ids, int[] FirstPiece, int[][] Features, int[] Gold, Half[] Lower);

    public static EncoderEntityModel Train(IReadOnlyList<ConllDocument> train, IReadOnlyList<ConllDocument>? dev, Lexicon lexicon,
        EncoderTrainingOptions o, Action<string> log)
    {
        var labels = new EntityLabels(EntityLabels.ConllTypes);
        var shape = new BertShape(Layers: o.EncoderLayers);
        var frozen = o.EncoderLayers - o.TunedLayers;
        var weights = MiniLmWeights.FromPackage();
        var top = weights.Layers.Skip(frozen).Take(o.TunedLayers).ToArray();
        var rows = new Dictionary<ulong, int>();
        var clock = Stopwatch.StartNew();
        using var encoder = new OnnxEncoder(Math.Max(1, frozen), o.Threads);
        var tokens = new TokenEncoder(encoder, WordPieces.FromPackage(), batchSize: 32);
        var trainSentences = train.SelectMany(d => d.Sentences).Take(o.Limit ?? int.MaxValue).ToList();
        var trainSet = Prepare(trainSentences, labels, lexicon, rows, grow: true, tokens, frozen, o, "train", log);
        var devSet = dev is null ? [] : Prepare(dev.SelectMany(d => d.Sentences).ToList(), labels, lexicon, rows, grow: false, tokens, frozen, o, "dev", log);
        log($"prepared {trainSet.Count:N0} training and {devSet.Count:N0} dev sentences, {rows.Count:N0} sparse features ({clock.Elapsed.TotalSeconds:0}s)");

        var info = new Dictionary<string, string>
        {
            ["lexicon"] = lexicon.Signature,
            ["encoder"] = $"{EncoderPackage.PackageName} 24.9.52193",
            ["tuned_layers"] = o.TunedLayers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["encoder_layers"] = o.EncoderLayers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["epochs"] = o.Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["seed"] = o.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var model = new EncoderEntityModel(labels, shape, top, rows, info);
        var random = new Random(o.Seed);
        // the head starts small and random, the CRF at zero
        for (var i = 0; i < model.Dense.Length; i++) model.Dense[i] = (float)(random.NextDouble() * 2 - 1) * 0.02f;
        var steps = o.Epochs * ((trainSet.Count + o.BatchSize - 1) / o.BatchSize);
        var layerOptimizer = new AdamW(o.LayerRate, steps, (int)(steps * o.Warmup));
        var headOptimizer = new AdamW(o.HeadRate, steps, (int)(steps * o.Warmup), weightDecay: 0);
        var sparseOptimizer = new AdamW(o.SparseRate, steps, (int)(steps * o.Warmup), weightDecay: 0);
        var l = labels.Count;
        var sparseM = new float[model.Sparse.Length];
        var sparseV = new float[model.Sparse.Length];
        var workers = Enumerable.Range(0, o.Threads).Select(_ => new Gradients(shape, o.TunedLayers, l)).ToArray();
        var order = Enumerable.Range(0, trainSet.Count).ToArray();
        var bestF1 = -1.0;
        byte[]? best = null;
        for (var epoch = 1; epoch <= o.Epochs; epoch++)
        {
            random.Shuffle(order);
            var loss = 0.0;
            var epochClock = Stopwatch.StartNew();
            for (var start = 0; start < order.Length; start += o.BatchSize)
            {
                var batch = order.AsSpan(start, Math.Min(o.BatchSize, order.Length - start)).ToArray();
                foreach (var w in workers) w.Clear();
                var losses = new double[workers.Length];
                Parallel.For(0, workers.Length, new ParallelOptions { MaxDegreeOfParallelism = o.Threads }, k =>
                {
                    for (var b = k; b < batch.Length; b += workers.Length) losses[k] += Step(model, trainSet[batch[b]], workers[k]);
                });
                loss += losses.Sum();
                var total = workers[0];
                for (var k = 1; k < workers.Length; k++) total.Add(workers[k]);
                total.Scale(1f / batch.Length);
                layerOptimizer.Advance(); headOptimizer.Advance(); sparseOptimizer.Advance();
                for (var t = 0; t < top.Length; t++)
                    foreach (var ((name, p), (_, g)) in top[t].Tensors().Zip(total.Layers[t].Tensors()))
                        layerOptimizer.Update(p, g, decay: !name.Contains("bias", StringComparison.Ordinal) && !name.Contains("gain", StringComparison.Ordinal));
                headOptimizer.Update(model.Dense, total.Dense);
                headOptimizer.Update(model.DenseBias, total.DenseBias);
                headOptimizer.Update(model.Crf.Transitions, total.Transitions);
                headOptimizer.Update(model.Crf.Start, total.Start);
                foreach (var (row, g) in total.Sparse)
                    sparseOptimizer.Update(model.Sparse.AsSpan(row * l, l), g, sparseM.AsSpan(row * l, l), sparseV.AsSpan(row * l, l), sparseOptimizer.Step, decay: false);
                var done = start / o.BatchSize + 1;
                if (done % 100 == 0)
                    log($"  epoch {epoch}: {start + batch.Length:N0}/{order.Length:N0} sentences, loss {loss / (start + batch.Length):0.000}, "
                        + $"{(start + batch.Length) / epochClock.Elapsed.TotalSeconds:0.0} sentences/s");
            }
            var f1 = devSet.Count > 0 ? Evaluate(model, devSet) : double.NaN;
            log($"epoch {epoch}: loss {loss / order.Length:0.0000}, dev F1 {f1:0.0000} ({epochClock.Elapsed.TotalSeconds:0}s)");
            if (devSet.Count == 0 || f1 > bestF1)
            {
                bestF1 = f1;
                model.Info["dev_f1"] = f1.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
                model.Info["chosen_epoch"] = epoch.ToString(System.Globalization.CultureInfo.InvariantCulture);
                using var snapshot = new MemoryStream();
                model.Save(snapshot, System.IO.Compression.CompressionLevel.Fastest);
                best = snapshot.ToArray();
            }
        }
        using var chosen = new MemoryStream(best!);
        return EncoderEntityModel.Load(chosen, "the best epoch's snapshot");
    }

    /// <summary>Forward and backward over one sentence; adds to the gradients and returns the loss.</summary>
    private static double Step(EncoderEntityModel model, Example e, Gradients g)
    {
        var (width, l, n, p) = (model.Shape.Width, model.Labels.Count, e.Gold.Length, e.Ids.Length);
        var caches = g.Caches;
        var x = HalfToFloat(e.Lower);
        for (var t = 0; t < model.TopLayers.Length; t++)
        {
            var y = new float[p * width];
            TransformerLayer.Forward(model.Shape, model.TopLayers[t], x, p, caches[t], y);
            x = y;
        }
        var vectors = Gather(x, e.FirstPiece, width);
        var emissions = new float[n * l];
        model.Emissions(vectors, n, e.Features, emissions);
        var dE = new float[n * l];
        var loss = model.Crf.Loss(emissions, n, e.Gold, dE, g.Transitions, g.Start);
        var dVectors = new float[n * width];
        Sitrep.Models.MiniLm.Ops.LinearBackward(vectors, dE, n, width, l, model.Dense, g.Dense, g.DenseBias, dVectors);
        for (var i = 0; i < n; i++)
            foreach (var f in e.Features[i])
            {
                if (!g.Sparse.TryGetValue(f, out var row)) g.Sparse[f] = row = new float[l];
                System.Numerics.Tensors.TensorPrimitives.Add(row, dE.AsSpan(i * l, l), row);
            }
        if (model.TopLayers.Length == 0) return loss;
        var dx = new float[p * width];
        for (var i = 0; i < n; i++) dVectors.AsSpan(i * width, width).CopyTo(dx.AsSpan(e.FirstPiece[i] * width));
        for (var t = model.TopLayers.Length - 1; t >= 0; t--)
        {
            var dPrevious = new float[p * width];
            TransformerLayer.Backward(model.Shape, model.TopLayers[t], caches[t], dx, g.Layers[t], dPrevious);
            dx = dPrevious;
        }
        return loss;
    }

    /// <summary>Labels for one prepared sentence.</summary>
    internal static int[] Decode(EncoderEntityModel model, Example e)
    {
        var (width, l, n, p) = (model.Shape.Width, model.Labels.Count, e.Gold.Length, e.Ids.Length);
        var x = HalfToFloat(e.Lower);
        var cache = new LayerCache();
        foreach (var layer in model.TopLayers)
        {
            var y = new float[p * width];
            TransformerLayer.Forward(model.Shape, layer, x, p, cache, y);
            x = y;
        }
        var vectors = Gather(x, e.FirstPiece, width);
        var emissions = new float[n * l];
        model.Emissions(vectors, n, e.Features, emissions);
        var labels = new int[n];
        model.Crf.Viterbi(emissions, n, labels);
        return labels;
    }

    private static double Evaluate(EncoderEntityModel model, List<Example> set)
    {
        int gold = 0, predicted = 0, correct = 0;
        var results = new int[set.Count][];
        Parallel.For(0, set.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => results[i] = Decode(model, set[i]));
        for (var i = 0; i < set.Count; i++)
        {
            var g = ConllCorpus.Spans(set[i].Gold.Select(k => model.Labels.Names[k]).ToArray());
            var p = ConllCorpus.Spans(results[i].Select(k => model.Labels.Names[k]).ToArray());
            gold += g.Count; predicted += p.Count; correct += p.Count(g.Contains);
        }
        return Prf.Of(gold, predicted, correct).F1;
    }

    internal static float[] Gather(float[] x, int[] rows, int width)
    {
        var result = new float[rows.Length * width];
        for (var i = 0; i < rows.Length; i++) x.AsSpan(rows[i] * width, width).CopyTo(result.AsSpan(i * width));
        return result;
    }

    private static float[] HalfToFloat(Half[] h)
    {
        var f = new float[h.Length];
        System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(h, f);
        return f;
    }

    private static List<Example> Prepare(List<ConllSentence> sentences, EntityLabels labels, Lexicon lexicon, Dictionary<ulong, int> rows,
        bool grow, TokenEncoder tokens, int frozen, EncoderTrainingOptions o, string name, Action<string> log)
    {
        var fx = new FeatureExtractor(lexicon);
        var memory = new DocumentMemory();
        var buffer = new List<ulong>(96);
        var examples = new List<(long[] Ids, int[] First, int[][] Features, int[] Gold)>();
        foreach (var s in sentences)
        {
            var (text, spans) = EntityTrainer.AsText(s);
            fx.Prepare(text, spans);
            var features = new int[spans.Length][];
            for (var i = 0; i < spans.Length; i++)
            {
                buffer.Clear();
                fx.StaticFeatures(i, memory, buffer);
                var list = new List<int>(buffer.Count);
                foreach (var f in buffer)
                {
                    if (rows.TryGetValue(f, out var r)) list.Add(r);
                    else if (grow) { rows[f] = rows.Count; list.Add(rows.Count - 1); }
                }
                features[i] = [.. list];
            }
            var gold = s.Tags.Select(labels.Parse).ToArray();
            foreach (var window in tokens.Align(text, spans))
            {
                var count = window.FirstPiece.Length;
                examples.Add((window.Ids, window.FirstPiece, features[window.FirstToken..(window.FirstToken + count)],
                    gold[window.FirstToken..(window.FirstToken + count)]));
            }
        }
        var lower = LowerStates(examples.Select(e => e.Ids).ToList(), tokens, frozen, o, name, log);
        return examples.Select((e, i) => new Example(e.Ids, e.First, e.Features, e.Gold, lower[i])).ToList();
    }

    /// <summary>
    /// The frozen layers' outputs for every sequence, cached in chunks of 1,000 sequences, each under the hash of its
    /// wordpieces: a run on more sentences reuses what a run on fewer computed.
    /// </summary>
    private static Half[][] LowerStates(List<long[]> sequences, TokenEncoder tokens, int frozen, EncoderTrainingOptions o, string name, Action<string> log)
    {
        const int chunk = 1000;
        var result = new Half[sequences.Count][];
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(o.CacheDirectory);
        var whole = Path.Combine(o.CacheDirectory, $"{name}-{frozen}-{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(sequences.SelectMany(s => s.Append(-1)).Append(frozen).ToArray().AsSpan())))[..16]}.bin");
        Half[][]? legacy = null;
        if (File.Exists(whole))
        {
            using var r = new BinaryReader(File.OpenRead(whole));
            legacy = new Half[sequences.Count][];
            for (var i = 0; i < legacy.Length; i++)
            {
                legacy[i] = new Half[r.ReadInt32()];
                r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(legacy[i].AsSpan()));
            }
        }
        for (var start = 0; start < sequences.Count; start += chunk)
        {
            var part = sequences.GetRange(start, Math.Min(chunk, sequences.Count - start));
            var digest = System.Security.Cryptography.SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(
                part.SelectMany(s => s.Append(-1)).Append(frozen).ToArray().AsSpan()));
            var path = Path.Combine(o.CacheDirectory, $"{name}-{frozen}-{Convert.ToHexString(digest)[..16]}.bin");
            if (File.Exists(path))
            {
                using var r = new BinaryReader(File.OpenRead(path));
                for (var i = 0; i < part.Count; i++)
                {
                    result[start + i] = new Half[r.ReadInt32()];
                    r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(result[start + i].AsSpan()));
                }
                continue;
            }
            var hidden = legacy is not null
                ? legacy[start..(start + part.Count)].Select(h => { var f = new float[h.Length]; System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(h, f); return f; }).ToArray()
                : tokens.RunBatched(part);
            var temp = path + ".part";
            using (var w = new BinaryWriter(File.Create(temp)))
                for (var i = 0; i < part.Count; i++)
                {
                    result[start + i] = new Half[hidden[i].Length];
                    System.Numerics.Tensors.TensorPrimitives.ConvertToHalf(hidden[i], result[start + i]);
                    w.Write(result[start + i].Length);
                    w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(result[start + i].AsSpan()));
                }
            File.Move(temp, path, overwrite: true);
            log($"{name}: {start + part.Count:N0}/{sequences.Count:N0} sequences through {frozen} frozen layers ({clock.Elapsed.TotalSeconds:0}s)");
        }
        return result;
    }

    /// <summary>One worker's gradients for a batch.</summary>
    private sealed class Gradients
    {
        public LayerWeights[] Layers;
        public LayerCache[] Caches;
        public float[] Dense, DenseBias, Transitions, Start;
        public Dictionary<int, float[]> Sparse = [];

        public Gradients(BertShape shape, int tuned, int labels)
        {
            Layers = Enumerable.Range(0, tuned).Select(_ => new LayerWeights(shape)).ToArray();
            Caches = Enumerable.Range(0, tuned).Select(_ => new LayerCache()).ToArray();
            Dense = new float[shape.Width * labels]; DenseBias = new float[labels];
            Transitions = new float[labels * labels]; Start = new float[labels];
        }

        public void Clear()
        {
            foreach (var l in Layers) l.Clear();
            Array.Clear(Dense); Array.Clear(DenseBias); Array.Clear(Transitions); Array.Clear(Start);
            Sparse.Clear();
        }

        public void Add(Gradients other)
        {
            for (var t = 0; t < Layers.Length; t++)
                foreach (var ((_, a), (_, b)) in Layers[t].Tensors().Zip(other.Layers[t].Tensors())) System.Numerics.Tensors.TensorPrimitives.Add(a, b, a);
            System.Numerics.Tensors.TensorPrimitives.Add(Dense, other.Dense, Dense);
            System.Numerics.Tensors.TensorPrimitives.Add(DenseBias, other.DenseBias, DenseBias);
            System.Numerics.Tensors.TensorPrimitives.Add(Transitions, other.Transitions, Transitions);
            System.Numerics.Tensors.TensorPrimitives.Add(Start, other.Start, Start);
            foreach (var (row, g) in other.Sparse)
            {
                if (!Sparse.TryGetValue(row, out var mine)) Sparse[row] = mine = new float[g.Length];
                System.Numerics.Tensors.TensorPrimitives.Add(mine, g, mine);
            }
        }

        public void Scale(float s)
        {
            foreach (var l in Layers) foreach (var (_, a) in l.Tensors()) System.Numerics.Tensors.TensorPrimitives.Multiply(a, s, a);
            foreach (var a in new[] { Dense, DenseBias, Transitions, Start }) System.Numerics.Tensors.TensorPrimitives.Multiply(a, s, a);
            foreach (var g in Sparse.Values) System.Numerics.Tensors.TensorPrimitives.Multiply(g, s, g);
        }
    }
}
