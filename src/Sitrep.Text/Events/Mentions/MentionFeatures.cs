using Sitrep.Text.Lexing;

namespace Sitrep.Text.Events.Mentions;

/// <summary>
/// The event mention tagger's features of a token: the word, its stem, shape and affixes, its neighbours two either
/// side, and the word clusters of the three (models/clusters.tsv, the entity model's), as 64-bit hashes. Each feature
/// also comes in a copy for the corpus the sentence is from (Daumé 2007): ECB+ and TimeBank mark events by different
/// rules, and the copies let the model learn both what they share and where they differ. Tagging uses ECB+'s copy.
/// </summary>
public sealed class MentionFeatures(IReadOnlyDictionary<string, string>? clusters)
{
    private string[] _lower = [];
    private string[] _stem = [];
    private string[] _raw = [];

    private ulong _domain;

    /// <summary>The corpus whose conventions the features stand for (see <see cref="LabelledSentence.Corpus"/>).</summary>
    public void Prepare(IReadOnlyList<string> tokens, string corpus)
    {
        _domain = 14695981039346656037UL;
        foreach (var c in corpus) _domain = (_domain ^ c) * 1099511628211UL;
        _raw = [.. tokens];
        _lower = tokens.Select(t => t.ToLowerInvariant()).ToArray();
        _stem = tokens.Select(Stems.Of).ToArray();
    }

    private string L(int i) => i < 0 ? "<s>" : i >= _lower.Length ? "</s>" : _lower[i];
    private string S(int i) => i < 0 ? "<s>" : i >= _stem.Length ? "</s>" : _stem[i];
    private string C(int i, int length) =>
        clusters is not null && i >= 0 && i < _lower.Length && clusters.TryGetValue(_lower[i], out var path) ? path[..Math.Min(length, path.Length)] : "-";

    /// <summary>Features of token <paramref name="i"/> that do not depend on the previous label.</summary>
    public void Static(int i, List<ulong> f)
    {
        f.Clear();
        var w = L(i);
        Add(f, "b", "");
        Add(f, "w", w);
        Add(f, "s", S(i));
        Add(f, "shape", Shape(_raw[i]));
        if (w.Length > 3) { Add(f, "suf2", w[^2..]); Add(f, "suf3", w[^3..]); Add(f, "suf4", w[^Math.Min(4, w.Length)..]); Add(f, "pre3", w[..3]); }
        if (i == 0) Add(f, "first", "");
        Add(f, "w-1", L(i - 1)); Add(f, "w+1", L(i + 1)); Add(f, "w-2", L(i - 2)); Add(f, "w+2", L(i + 2));
        Add(f, "s-1", S(i - 1)); Add(f, "s+1", S(i + 1));
        Add(f, "w-1w", L(i - 1) + " " + w); Add(f, "ww+1", w + " " + L(i + 1));
        Add(f, "w-2w-1", L(i - 2) + " " + L(i - 1));
        Add(f, "w+1w+2", L(i + 1) + " " + L(i + 2));
        Add(f, "w-1w+1", L(i - 1) + " " + L(i + 1));
        if (L(i - 1) is { Length: > 3 } before) Add(f, "suf3-1", before[^3..]);
        if (L(i + 1) is { Length: > 3 } after) Add(f, "suf3+1", after[^3..]);
        foreach (var n in (ReadOnlySpan<int>)[4, 8, 12, 16, 20]) Add(f, "c" + n, C(i, n));
        Add(f, "c-1", C(i - 1, 8)); Add(f, "c+1", C(i + 1, 8)); Add(f, "c-1/16", C(i - 1, 16)); Add(f, "c+1/16", C(i + 1, 16));
        Add(f, "c-1c", C(i - 1, 8) + " " + C(i, 12));
        WithCorpus(f);
    }

    private void WithCorpus(List<ulong> f)
    {
        var n = f.Count;
        for (var k = 0; k < n; k++) f.Add((f[k] ^ _domain) * 1099511628211UL);
    }

    /// <summary>Features of token <paramref name="i"/> given the previous token's label.</summary>
    public void WithPrevious(int i, int previous, List<ulong> f)
    {
        f.Clear();
        var p = previous.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Add(f, "p", p);
        Add(f, "pw", p + " " + L(i));
        Add(f, "pc", p + " " + C(i, 12));
        Add(f, "pw-1w", p + " " + L(i - 1) + " " + L(i));
        WithCorpus(f);
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

    /// <summary>FNV-1a over the template name and value: the same on every machine and run.</summary>
    private static void Add(List<ulong> f, string template, string value)
    {
        var h = 14695981039346656037UL;
        foreach (var c in template) h = (h ^ c) * 1099511628211UL;
        h = (h ^ '=') * 1099511628211UL;
        foreach (var c in value) h = (h ^ c) * 1099511628211UL;
        f.Add(h);
    }
}
