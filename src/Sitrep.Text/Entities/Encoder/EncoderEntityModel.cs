using System.IO.Compression;
using System.Text;
using Sitrep.Models;
using Sitrep.Models.MiniLm;

namespace Sitrep.Text.Entities.Encoder;

/// <summary>
/// The entity model over the pretrained encoder: MiniLM's top layers fine-tuned for entities (the lower layers are the
/// package's, untouched), a linear head over each token's vector plus the perceptron's hashed case, shape, gazetteer
/// and cluster features (the encoder is uncased and has never seen the lists), and a CRF over IOB2. The file holds
/// only what training changed: the fine-tuned layers, the head and the CRF, in fp16.
/// </summary>
public sealed class EncoderEntityModel
{
    private const string Magic = "SITREP-NER-ENCODER";
    private const int FormatVersion = 1;

    public EntityLabels Labels { get; }
    public BertShape Shape { get; }
    /// <summary>The fine-tuned layers, the encoder's last ones (empty when only the head was trained).</summary>
    public LayerWeights[] TopLayers { get; }
    public int FirstTunedLayer => Shape.Layers - TopLayers.Length;
    /// <summary>[width × labels].</summary>
    public float[] Dense { get; }
    public float[] DenseBias { get; }
    public Crf Crf { get; }
    public Dictionary<ulong, int> SparseRows { get; }
    /// <summary>[rows × labels].</summary>
    public float[] Sparse { get; internal set; }
    public Dictionary<string, string> Info { get; }

    public EncoderEntityModel(EntityLabels labels, BertShape shape, LayerWeights[] topLayers, Dictionary<ulong, int> sparseRows, Dictionary<string, string> info)
    {
        Labels = labels;
        Shape = shape;
        TopLayers = topLayers;
        Dense = new float[shape.Width * labels.Count];
        DenseBias = new float[labels.Count];
        Crf = new Crf(labels.Count);
        SparseRows = sparseRows;
        Sparse = new float[sparseRows.Count * labels.Count];
        Info = info;
    }

    /// <summary>Label scores [n × labels] from token vectors [n × width] and each token's sparse feature rows.</summary>
    public void Emissions(ReadOnlySpan<float> vectors, int n, IReadOnlyList<int[]> features, Span<float> emissions)
    {
        var l = Labels.Count;
        Sitrep.Models.MiniLm.Ops.Linear(vectors, n, Shape.Width, Dense, DenseBias, emissions);
        for (var i = 0; i < n; i++)
        {
            var row = emissions.Slice(i * l, l);
            foreach (var f in features[i])
                System.Numerics.Tensors.TensorPrimitives.Add(row, Sparse.AsSpan(f * l, l), row);
        }
    }

    /// <summary>The rows of the sparse features the table knows, for each token of a prepared sentence.</summary>
    public int[][] Features(FeatureExtractor fx, int n, List<ulong> buffer)
    {
        var result = new int[n][];
        var memory = new DocumentMemory();
        var rows = new List<int>(64);
        for (var i = 0; i < n; i++)
        {
            buffer.Clear();
            fx.StaticFeatures(i, memory, buffer);
            rows.Clear();
            foreach (var f in buffer) if (SparseRows.TryGetValue(f, out var r)) rows.Add(r);
            result[i] = [.. rows];
        }
        return result;
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        Save(file, CompressionLevel.SmallestSize);
    }

    /// <summary>Writes the model to a stream (left open); a fast level suits snapshots taken during training.</summary>
    public void Save(Stream stream, CompressionLevel level)
    {
        using var zip = new BrotliStream(stream, level, leaveOpen: true);
        using var w = new BinaryWriter(zip, Encoding.UTF8);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(Labels.Types.Count);
        foreach (var t in Labels.Types) w.Write(t);
        w.Write(Info.Count);
        foreach (var (k, v) in Info.OrderBy(kv => kv.Key, StringComparer.Ordinal)) { w.Write(k); w.Write(v); }
        w.Write(Shape.Layers);
        w.Write(TopLayers.Length);
        foreach (var layer in TopLayers)
            foreach (var (_, values) in layer.Tensors()) WriteHalves(w, values);
        WriteHalves(w, Dense);
        WriteHalves(w, DenseBias);
        WriteHalves(w, Crf.Transitions);
        WriteHalves(w, Crf.Start);
        var l = Labels.Count;
        var kept = SparseRows.Where(e => MaxAbs(Sparse.AsSpan(e.Value * l, l)) >= PruneBelow).OrderBy(e => e.Key).ToList();
        w.Write(kept.Count);
        foreach (var (key, row) in kept)
        {
            w.Write(key);
            for (var k = 0; k < l; k++) w.Write((Half)Sparse[row * l + k]);
        }
    }

    /// <summary>A sparse weight row this small changes no decision; leaving it out keeps the file under 25 MB.</summary>
    private const float PruneBelow = 0.01f;

    private static float MaxAbs(ReadOnlySpan<float> x) => System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(x) is var m ? Math.Abs(m) : 0;

    private static void WriteHalves(BinaryWriter w, float[] values)
    {
        w.Write(values.Length);
        foreach (var v in values) w.Write((Half)v);
    }

    private static void ReadHalves(BinaryReader r, float[] into, string path)
    {
        var n = r.ReadInt32();
        if (n != into.Length) throw new InvalidDataException($"{path}: a tensor of {n} values where {into.Length} were expected");
        for (var i = 0; i < n; i++) into[i] = (float)r.ReadHalf();
    }

    /// <exception cref="InvalidDataException">The file is not an encoder entity model of this version.</exception>
    public static EncoderEntityModel Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file, path);
    }

    /// <param name="name">The file's name, for messages.</param>
    public static EncoderEntityModel Load(Stream stream, string name)
    {
        var path = name;
        using var zip = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(new BufferedStream(zip, 1 << 16), Encoding.UTF8);
        if (r.ReadString() != Magic) throw new InvalidDataException($"{path} is not a Sitrep encoder entity model");
        if (r.ReadInt32() is var version && version != FormatVersion)
            throw new InvalidDataException($"{path} has model format {version}; this sitrep reads {FormatVersion}");
        var types = new string[r.ReadInt32()];
        for (var i = 0; i < types.Length; i++) types[i] = r.ReadString();
        var info = new Dictionary<string, string>();
        for (var n = r.ReadInt32(); n > 0; n--) info[r.ReadString()] = r.ReadString();
        var shape = new BertShape(Layers: r.ReadInt32());
        var top = new LayerWeights[r.ReadInt32()];
        for (var i = 0; i < top.Length; i++)
        {
            top[i] = new LayerWeights(shape);
            foreach (var (_, values) in top[i].Tensors()) ReadHalves(r, values, path);
        }
        var labels = new EntityLabels(types);
        var rows = new Dictionary<ulong, int>();
        var model = new EncoderEntityModel(labels, shape, top, rows, info);
        ReadHalves(r, model.Dense, path);
        ReadHalves(r, model.DenseBias, path);
        ReadHalves(r, model.Crf.Transitions, path);
        ReadHalves(r, model.Crf.Start, path);
        var count = r.ReadInt32();
        var l = labels.Count;
        var sparse = new float[count * l];
        for (var row = 0; row < count; row++)
        {
            rows[r.ReadUInt64()] = row;
            for (var k = 0; k < l; k++) sparse[row * l + k] = (float)r.ReadHalf();
        }
        model.Sparse = sparse;
        return model;
    }
}
