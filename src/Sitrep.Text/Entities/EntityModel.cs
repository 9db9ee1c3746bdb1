using System.IO.Compression;
using System.Text;
using Sitrep.Core.Documents;

namespace Sitrep.Text.Entities;

/// <summary>
/// The trained entity model: one weight per (feature, label), looked up by feature hash. Greedy left-to-right decoding
/// with the two previous decisions as features, restricted to valid IOB2 sequences.
/// </summary>
public sealed class EntityModel
{
    private const string Magic = "SITREP-NER";
    private const int FormatVersion = 1;

    private readonly FeatureTable _rows;
    internal float[] Weights;

    public EntityLabels Labels { get; }
    public IReadOnlyDictionary<string, string> Info { get; }
    public int FeatureCount => _rows.Count;

    internal EntityModel(EntityLabels labels, Dictionary<ulong, int> rows, float[] weights, IReadOnlyDictionary<string, string> info)
    {
        Labels = labels;
        _rows = new FeatureTable(rows);
        Weights = weights;
        Info = info;
    }

    internal void Score(List<ulong> features, Span<float> scores)
    {
        scores.Clear();
        var l = Labels.Count;
        foreach (var f in features)
        {
            if (!_rows.TryGetRow(f, out var row)) continue;
            var w = Weights.AsSpan(row * l, l);
            for (var k = 0; k < l; k++) scores[k] += w[k];
        }
    }

    /// <summary>Tags one sentence; labels[i] receives the label index of token i.</summary>
    public void Tag(FeatureExtractor fx, string text, ReadOnlySpan<TextSpan> tokens, DocumentMemory memory, Span<int> labels, List<ulong> buffer)
    {
        fx.Prepare(text, tokens);
        Span<float> scores = stackalloc float[Labels.Count];
        int prev = 0, prev2 = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            fx.Features(i, prev, prev2, memory, buffer);
            Score(buffer, scores);
            var best = Best(scores, prev);
            labels[i] = best;
            prev2 = prev;
            prev = best;
        }
        for (var i = 0; i < tokens.Length; i++) memory.Remember(fx.LowerHashOf(i), labels[i]);
    }

    internal static int Best(ReadOnlySpan<float> scores, int prev)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var k = 0; k < scores.Length; k++)
            if (scores[k] > bestScore && EntityLabels.Allowed(prev, k)) { best = k; bestScore = scores[k]; }
        return best;
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var zip = new BrotliStream(file, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(zip, Encoding.UTF8);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(Labels.Types.Count);
        foreach (var t in Labels.Types) w.Write(t);
        w.Write(Info.Count);
        foreach (var (k, v) in Info.OrderBy(kv => kv.Key, StringComparer.Ordinal)) { w.Write(k); w.Write(v); }
        w.Write(_rows.Count);
        var l = Labels.Count;
        // rows in key order so that the same model always writes the same bytes
        foreach (var (key, row) in _rows.Entries().OrderBy(e => e.Key))
        {
            w.Write(key);
            for (var k = 0; k < l; k++) w.Write((Half)Weights[row * l + k]);
        }
    }

    public static EntityModel Load(string path)
    {
        using var file = File.OpenRead(path);
        using var zip = new BrotliStream(file, CompressionMode.Decompress);
        using var r = new BinaryReader(new BufferedStream(zip, 1 << 16), Encoding.UTF8);
        if (r.ReadString() != Magic) throw new InvalidDataException($"{path} is not a Sitrep entity model");
        if (r.ReadInt32() is var version && version != FormatVersion) throw new InvalidDataException($"{path} has model format {version}; this sitrep reads {FormatVersion}");
        var types = new string[r.ReadInt32()];
        for (var i = 0; i < types.Length; i++) types[i] = r.ReadString();
        var info = new Dictionary<string, string>();
        for (var n = r.ReadInt32(); n > 0; n--) info[r.ReadString()] = r.ReadString();
        var labels = new EntityLabels(types);
        var count = r.ReadInt32();
        var rows = new Dictionary<ulong, int>(count);
        var weights = new float[count * labels.Count];
        for (var row = 0; row < count; row++)
        {
            rows[r.ReadUInt64()] = row;
            for (var k = 0; k < labels.Count; k++) weights[row * labels.Count + k] = (float)r.ReadHalf();
        }
        return new EntityModel(labels, rows, weights, info);
    }
}
