using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Sitrep.Models;

/// <summary>
/// MiniLM run by ONNX Runtime on the CPU, optionally cut after its first <see cref="Layers"/> layers (the graph then
/// returns those hidden states, so a fine-tuned top can take over). One instance per process: loading costs ~0.5 s and
/// 100 MB; <see cref="Run"/> is thread-safe.
/// </summary>
public sealed class OnnxEncoder : IDisposable
{
    public const int Width = 384;
    public const int FullDepth = 6;

    private readonly InferenceSession _session;
    private readonly string _output;

    public int Layers { get; }

    /// <param name="layers">How many transformer layers to run (1–6).</param>
    /// <param name="threads">Threads ONNX Runtime may use; the machine is shared, so the caller decides.</param>
    /// <exception cref="EncoderUnavailableException">The model cannot be read from its package.</exception>
    /// <param name="replace">Fine-tuned layers (by index) whose weights replace the package's in the graph.</param>
    public OnnxEncoder(int layers = FullDepth, int threads = 2, IReadOnlyDictionary<int, MiniLm.LayerWeights>? replace = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(layers, FullDepth);
        Layers = layers;
        var bytes = EncoderPackage.ModelBytes();
        if (replace is { Count: > 0 }) bytes = Replace(bytes, replace);
        if (layers < FullDepth) (bytes, _output) = CutAfter(bytes, layers);
        else _output = "last_hidden_state";
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // on a shared machine, threads spinning while they wait for work take the CPU other processes need
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        try { _session = new InferenceSession(bytes, options); }
        catch (OnnxRuntimeException e)
        {
            throw new EncoderUnavailableException($"{EncoderPackage.ModelResource} is not a model ONNX Runtime can load ({e.Message})", e);
        }
    }

    /// <summary>The same graph returning the hidden states after layer <paramref name="layers"/>; later nodes are dropped.</summary>
    private static (byte[] Bytes, string Output) CutAfter(byte[] bytes, int layers)
    {
        var model = Onnx.ModelProto.Parser.ParseFrom(bytes);
        var graph = model.Graph;
        // a layer ends in its output LayerNorm: the Add of that norm's bias
        var bias = $"encoder.layer.{layers - 1}.output.LayerNorm.bias";
        var end = graph.Node.FirstOrDefault(n => n.OpType == "Add" && n.Input.Contains(bias))
            ?? throw new EncoderUnavailableException($"{EncoderPackage.ModelResource} has no node adding {bias}", null);
        var output = end.Output[0];
        graph.Output.Clear();
        graph.Output.Add(new Onnx.ValueInfoProto { Name = output });
        // keep only what the new output needs
        var needed = new HashSet<string>(StringComparer.Ordinal) { output };
        var kept = new List<Onnx.NodeProto>();
        foreach (var node in graph.Node.Reverse())
        {
            if (!node.Output.Any(needed.Contains)) continue;
            kept.Add(node);
            foreach (var input in node.Input) needed.Add(input);
        }
        kept.Reverse();
        graph.Node.Clear();
        graph.Node.AddRange(kept);
        var initializers = graph.Initializer.Where(t => needed.Contains(t.Name)).ToList();
        graph.Initializer.Clear();
        graph.Initializer.AddRange(initializers);
        return (model.ToByteArray(), output);
    }

    private static byte[] Replace(byte[] bytes, IReadOnlyDictionary<int, MiniLm.LayerWeights> replace)
    {
        var model = Onnx.ModelProto.Parser.ParseFrom(bytes);
        var tensors = model.Graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var (layer, weights) in replace)
        {
            var names = MiniLm.MiniLmWeights.LayerInitializers(model.Graph, layer);
            foreach (var ((_, values), name) in weights.Tensors().Zip(names))
            {
                var t = tensors[name];
                if (t.RawData.Length != values.Length * sizeof(float))
                    throw new InvalidDataException($"layer {layer}'s {name} has {t.RawData.Length / 4} values in the model, {values.Length} fine-tuned");
                t.FloatData.Clear();
                t.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
            }
        }
        return model.ToByteArray();
    }

    /// <summary>
    /// Hidden states of each sequence (wordpiece ids with [CLS] and [SEP]), [length × 384] row-major. Sequences are
    /// padded to the longest of the batch; padding is masked out and its rows are not returned.
    /// </summary>
    public float[][] Run(IReadOnlyList<long[]> sequences)
    {
        if (sequences.Count == 0) return [];
        var batch = sequences.Count;
        var length = sequences.Max(s => s.Length);
        var ids = new DenseTensor<long>([batch, length]);
        var mask = new DenseTensor<long>([batch, length]);
        var types = new DenseTensor<long>([batch, length]);
        for (var b = 0; b < batch; b++)
            for (var i = 0; i < sequences[b].Length; i++)
            {
                ids[b, i] = sequences[b][i];
                mask[b, i] = 1;
            }
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", ids),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
            NamedOnnxValue.CreateFromTensor("token_type_ids", types),
        };
        using var results = _session.Run(inputs, [_output]);
        var hidden = results[0].AsTensor<float>() as DenseTensor<float>
            ?? throw new InvalidOperationException("ONNX Runtime returned a tensor that is not dense");
        var all = hidden.Buffer.Span;
        var result = new float[batch][];
        for (var b = 0; b < batch; b++)
        {
            result[b] = all.Slice(b * length * Width, sequences[b].Length * Width).ToArray();
        }
        return result;
    }

    public void Dispose() => _session.Dispose();
}
