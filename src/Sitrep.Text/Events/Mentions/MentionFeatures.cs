using Sitrep.Text.Lexing;

namespace Sitrep.Text.Events.Mentions;

/// <summary>
/// The event mention tagger's features of a token: the word, its stem, shape and affixes, its neighbours two either
/// side, and the word clusters of the three (models/clusters.tsv, the entity model's), as 64-bit hashes. Each feature
/// also comes in a copy for the corpus the sentence is from (Daumé 2007): ECB+ and TimeBank mark events by different
/// rules, and the copies let the model learn both what they share and where they differ. Tagging uses ECB+'s copy.
/// Hashes are FNV-1a over "template=value", continued part by part, so that no string is built per feature.
/// </summary>
public sealed class MentionFeatures(IReadOnlyDictionary<string, string>? clusters)
{
    private const ulong Offset = 14695981039346656037UL, Prime = 1099511628211UL;

    private string[] _lower = [];
    private string[] _stem = [];
    private string[] _shape = [];
    private string?[] _cluster = [];
    private ulong _domain;

    /// <summary>The corpus whose conventions the features stand for (see <see cref="LabelledSentence.Corpus"/>).</summary>
    public void Prepare(IReadOnlyList<string> tokens, string corpus)
    {
        _domain = Continue(Offset, corpus);
        _lower = tokens.Select(t => t.ToLowerInvariant()).ToArray();
        _stem = tokens.Select(Stems.Of).ToArray();
        _shape = tokens.Select(Shape).ToArray();
        _cluster = _lower.Select(w => clusters is not null && clusters.TryGetValue(w, out var path) ? path : null).ToArray();
    }

    private string L(int i) => i < 0 ? "<s>" : i >= _lower.Length ? "</s>" : _lower[i];
    private string S(int i) => i < 0 ? "<s>" : i >= _stem.Length ? "</s>" : _stem[i];
    private ReadOnlySpan<char> C(int i, int length) =>
        i >= 0 && i < _cluster.Length && _cluster[i] is { } path ? path.AsSpan(0, Math.Min(length, path.Length)) : "-";

    private static readonly ulong Bias = Template("b"), Word = Template("w"), Stem = Template("s"), ShapeT = Template("shape"),
        Suf2 = Template("suf2"), Suf3 = Template("suf3"), Suf4 = Template("suf4"), Pre3 = Template("pre3"), First = Template("first"),
        WordM1 = Template("w-1"), WordP1 = Template("w+1"), WordM2 = Template("w-2"), WordP2 = Template("w+2"),
        StemM1 = Template("s-1"), StemP1 = Template("s+1"), BigramM1 = Template("w-1w"), BigramP1 = Template("ww+1"),
        BigramM2 = Template("w-2w-1"), BigramP2 = Template("w+1w+2"), Around = Template("w-1w+1"), Suf3M1 = Template("suf3-1"), Suf3P1 = Template("suf3+1"),
        ClusterM1 = Template("c-1"), ClusterP1 = Template("c+1"), ClusterM1Long = Template("c-1/16"), ClusterP1Long = Template("c+1/16"), ClusterPair = Template("c-1c"),
        Previous = Template("p"), PreviousWord = Template("pw"), PreviousCluster = Template("pc"), PreviousBigram = Template("pw-1w");

    private static readonly ulong[] ClusterTemplates = [Template("c4"), Template("c8"), Template("c12"), Template("c16"), Template("c20")];

    /// <summary>Features of token <paramref name="i"/> that do not depend on the previous label.</summary>
    public void Static(int i, List<ulong> f)
    {
        f.Clear();
        var w = L(i);
        f.Add(Bias);
        f.Add(Continue(Word, w));
        f.Add(Continue(Stem, S(i)));
        f.Add(Continue(ShapeT, _shape[i]));
        if (w.Length > 3)
        {
            f.Add(Continue(Suf2, w.AsSpan(w.Length - 2))); f.Add(Continue(Suf3, w.AsSpan(w.Length - 3)));
            f.Add(Continue(Suf4, w.AsSpan(w.Length - 4))); f.Add(Continue(Pre3, w.AsSpan(0, 3)));
        }
        if (i == 0) f.Add(First);
        f.Add(Continue(WordM1, L(i - 1))); f.Add(Continue(WordP1, L(i + 1))); f.Add(Continue(WordM2, L(i - 2))); f.Add(Continue(WordP2, L(i + 2)));
        f.Add(Continue(StemM1, S(i - 1))); f.Add(Continue(StemP1, S(i + 1)));
        f.Add(Pair(BigramM1, L(i - 1), w)); f.Add(Pair(BigramP1, w, L(i + 1)));
        f.Add(Pair(BigramM2, L(i - 2), L(i - 1)));
        f.Add(Pair(BigramP2, L(i + 1), L(i + 2)));
        f.Add(Pair(Around, L(i - 1), L(i + 1)));
        if (L(i - 1) is { Length: > 3 } before) f.Add(Continue(Suf3M1, before.AsSpan(before.Length - 3)));
        if (L(i + 1) is { Length: > 3 } after) f.Add(Continue(Suf3P1, after.AsSpan(after.Length - 3)));
        for (var k = 0; k < ClusterTemplates.Length; k++) f.Add(Continue(ClusterTemplates[k], C(i, 4 * (k + 1))));
        f.Add(Continue(ClusterM1, C(i - 1, 8))); f.Add(Continue(ClusterP1, C(i + 1, 8)));
        f.Add(Continue(ClusterM1Long, C(i - 1, 16))); f.Add(Continue(ClusterP1Long, C(i + 1, 16)));
        f.Add(Pair(ClusterPair, C(i - 1, 8), C(i, 12)));
        WithCorpus(f);
    }

    /// <summary>Features of token <paramref name="i"/> given the previous token's label.</summary>
    public void WithPrevious(int i, int previous, List<ulong> f)
    {
        f.Clear();
        ReadOnlySpan<char> p = previous switch { 0 => "0", 1 => "1", 2 => "2", _ => previous.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        f.Add(Continue(Previous, p));
        f.Add(Pair(PreviousWord, p, L(i)));
        f.Add(Pair(PreviousCluster, p, C(i, 12)));
        f.Add(Continue(Continue(Continue(Continue(PreviousBigram, p), " "), L(i - 1)), " " + L(i)));
        WithCorpus(f);
    }

    private void WithCorpus(List<ulong> f)
    {
        var n = f.Count;
        for (var k = 0; k < n; k++) f.Add((f[k] ^ _domain) * Prime);
    }

    private static string Shape(string w)
    {
        var shape = new System.Text.StringBuilder(4);
        foreach (var c in w)
        {
            var k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (shape.Length == 0 || shape[^1] != k) shape.Append(k);
            if (shape.Length == 4) break;
        }
        return shape.ToString();
    }

    /// <summary>The FNV-1a state after "template=".</summary>
    private static ulong Template(string template) => (Continue(Offset, template) ^ '=') * Prime;

    private static ulong Continue(ulong h, ReadOnlySpan<char> value)
    {
        foreach (var c in value) h = (h ^ c) * Prime;
        return h;
    }

    /// <summary>"a b" without building it.</summary>
    private static ulong Pair(ulong template, ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Continue((Continue(template, a) ^ ' ') * Prime, b);
}
