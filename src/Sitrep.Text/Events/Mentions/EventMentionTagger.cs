using System.IO.Compression;
using System.Text;

namespace Sitrep.Text.Events.Mentions;

/// <summary>
/// Marks the words that name events in a sentence ("the ceremony was <i>held</i> after the <i>earthquake</i>"): a
/// B/I/O tagger, an averaged perceptron with greedy left-to-right decoding, trained on ECB+ and TimeBank
/// (<see cref="EventMentionTrainer"/>). Not thread-safe: one per worker.
/// </summary>
public sealed class EventMentionTagger
{
    public const int Outside = 0, Begin = 1, Inside = 2, Labels = 3;
    private const string Magic = "SITREP-EVENT-MENTIONS";
    private const int FormatVersion = 2;

    private readonly Entities.FeatureTable _rows;
    private readonly float[] _weights;
    private readonly MentionFeatures _features;
    private readonly List<ulong> _buffer = new(64);

    public IReadOnlyDictionary<string, string> Info { get; }
    public int FeatureCount => _rows.Count;

    /// <summary>
    /// Added to the score of beginning a mention. The perceptron leans to precision on the many words it never saw
    /// as events; the bias that best trades the two is chosen on dev (see 'sitrep train events') and saved with the model.
    /// </summary>
    public float BeginBias { get; set; }

    internal EventMentionTagger(Dictionary<ulong, int> rows, float[] weights, IReadOnlyDictionary<string, string> info, IReadOnlyDictionary<string, string>? clusters)
    {
        _rows = new Entities.FeatureTable(rows);
        _weights = weights;
        Info = info;
        _features = new MentionFeatures(clusters);
    }

    /// <summary>Event mentions of one tokenised sentence as token ranges [Start, End).</summary>
    public List<(int Start, int End)> Tag(IReadOnlyList<string> tokens)
    {
        var labels = Labelled(tokens);
        var spans = new List<(int, int)>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] == Outside) continue;
            var end = i + 1;
            while (end < labels.Length && labels[end] == Inside) end++;
            spans.Add((i, end));
            i = end - 1;
        }
        return spans;
    }

    internal int[] Labelled(IReadOnlyList<string> tokens)
    {
        _features.Prepare(tokens, LabelledSentence.Ecb);
        var labels = new int[tokens.Count];
        Span<float> scores = stackalloc float[Labels];
        Span<float> more = stackalloc float[Labels];
        var previous = Outside;
        for (var i = 0; i < tokens.Count; i++)
        {
            _features.Static(i, _buffer);
            Score(_buffer, scores);
            _features.WithPrevious(i, previous, _buffer);
            Score(_buffer, more);
            for (var k = 0; k < Labels; k++) scores[k] += more[k];
            scores[Begin] += BeginBias;
            labels[i] = previous = Best(scores, previous);
        }
        return labels;
    }

    /// <summary>The best label that may follow <paramref name="previous"/>: Inside only continues a mention.</summary>
    internal static int Best(ReadOnlySpan<float> scores, int previous)
    {
        var best = Outside;
        for (var k = 1; k < Labels; k++)
            if (scores[k] > scores[best] && (k != Inside || previous != Outside)) best = k;
        return best;
    }

    private void Score(List<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features)
        {
            if (!_rows.TryGetRow(f, out var row)) continue;
            for (var k = 0; k < Labels; k++) scores[k] += _weights[row * Labels + k];
        }
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var zip = new BrotliStream(file, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(zip, Encoding.UTF8);
        w.Write(Magic);
        w.Write(FormatVersion);
        var info = new Dictionary<string, string>(Info) { [BiasKey] = BeginBias.ToString("R", System.Globalization.CultureInfo.InvariantCulture) };
        w.Write(info.Count);
        foreach (var (k, v) in info.OrderBy(kv => kv.Key, StringComparer.Ordinal)) { w.Write(k); w.Write(v); }
        w.Write(_rows.Count);
        foreach (var (key, row) in _rows.Entries().OrderBy(e => e.Key))
        {
            w.Write(key);
            for (var k = 0; k < Labels; k++) w.Write((Half)_weights[row * Labels + k]);
        }
    }

    /// <param name="clusters">the word clusters the model was trained with (word → bit path), or null</param>
    public static EventMentionTagger Load(string path, IReadOnlyDictionary<string, string>? clusters)
    {
        using var file = File.OpenRead(path);
        using var zip = new BrotliStream(file, CompressionMode.Decompress);
        using var r = new BinaryReader(new BufferedStream(zip, 1 << 16), Encoding.UTF8);
        if (r.ReadString() != Magic) throw new InvalidDataException($"{path} is not a Sitrep event mention model");
        if (r.ReadInt32() is var version && version != FormatVersion) throw new InvalidDataException($"{path} has model format {version}; this sitrep reads {FormatVersion}");
        var info = new Dictionary<string, string>();
        for (var n = r.ReadInt32(); n > 0; n--) info[r.ReadString()] = r.ReadString();
        var count = r.ReadInt32();
        var rows = new Dictionary<ulong, int>(count);
        var weights = new float[count * Labels];
        for (var row = 0; row < count; row++)
        {
            rows[r.ReadUInt64()] = row;
            for (var k = 0; k < Labels; k++) weights[row * Labels + k] = (float)r.ReadHalf();
        }
        var bias = info.TryGetValue(BiasKey, out var b) ? float.Parse(b, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return new EventMentionTagger(rows, weights, info, clusters) { BeginBias = bias };
    }

    private const string BiasKey = "begin_bias";

    /// <summary>Word → cluster bit path from models/clusters.tsv (word, tab, path, …).</summary>
    public static Dictionary<string, string> LoadClusters(string path)
    {
        var clusters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var cells = line.Split('\t');
            if (cells.Length >= 2) clusters.TryAdd(cells[0], cells[1]);
        }
        return clusters;
    }
}
