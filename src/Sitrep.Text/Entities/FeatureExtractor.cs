using Sitrep.Core.Documents;

namespace Sitrep.Text.Entities;

/// <summary>What the model may know about words beyond the training labels: gazetteer lists and word clusters.</summary>
public interface ILexicon
{
    /// <summary>A bit mask of the lists a phrase (by <see cref="Lexicon.PhraseHash"/>) belongs to.</summary>
    uint Classes(ulong phraseHash);

    /// <summary>Whether some phrase starts with the words of this hash and goes on.</summary>
    bool Continues(ulong phraseHash);

    /// <summary>The word's cluster path (or null) and how often, in tenths, it is capitalised mid-sentence in unlabelled text (-1 when unknown).</summary>
    (string? Cluster, int Capitalised) Word(ulong lowerHash);
}

/// <summary>
/// Hashed features for one token in its sentence, in the spirit of Ratinov and Roth (2009): the word and its
/// neighbours, shapes, affixes, capitalisation, the previous decisions, gazetteer and cluster membership, and what the
/// document already said about the same word. Features are 64-bit hashes of (template, value); nothing is allocated
/// per token once a sentence is prepared.
/// </summary>
public sealed class FeatureExtractor(ILexicon lexicon)
{
    private ulong[] _lower = new ulong[64], _shape = new ulong[64], _pre = new ulong[256], _suf = new ulong[256];
    private byte[] _flags = new byte[64];
    private List<ulong>[] _lexAll = [];
    private int _n;

    private const byte Capitalised = 1, AllCaps = 2, HasDigit = 4, HasHyphen = 8, AllDigits = 16, First = 32, HasPeriod = 64, NonLatin = 128;

    /// <summary>Precomputes per-token values for a sentence given as spans into text.</summary>
    public void Prepare(string text, ReadOnlySpan<TextSpan> tokens)
    {
        _n = tokens.Length;
        if (_lower.Length < _n)
        {
            var size = Math.Max(_n, _lower.Length * 2);
            _lower = new ulong[size]; _shape = new ulong[size]; _flags = new byte[size];
            _pre = new ulong[size * 4]; _suf = new ulong[size * 4];
        }
        if (_lexAll.Length < _n) _lexAll = Enumerable.Range(0, Math.Max(_n, 64)).Select(_ => new List<ulong>()).ToArray();
        for (var i = 0; i < _n; i++)
        {
            var w = text.AsSpan(tokens[i].Start, tokens[i].Length);
            _lower[i] = LowerHash(w);
            _shape[i] = ShapeHash(w);
            byte f = i == 0 ? First : (byte)0;
            bool upper = false, lower = false;
            var digits = 0;
            foreach (var c in w)
            {
                if (char.IsUpper(c)) upper = true;
                else if (char.IsLower(c)) lower = true;
                if (char.IsAsciiDigit(c)) digits++;
                if (c == '-') f |= HasHyphen;
                if (c == '.') f |= HasPeriod;
                if (c > 0x24F && char.IsLetter(c)) f |= NonLatin;
            }
            if (char.IsUpper(w[0])) f |= Capitalised;
            if (upper && !lower && w.Length > 1) f |= AllCaps;
            if (digits > 0) f |= HasDigit;
            if (digits == w.Length) f |= AllDigits;
            _flags[i] = f;
            for (var k = 1; k <= 4; k++)
            {
                _pre[i * 4 + k - 1] = k <= w.Length ? LowerHash(w[..k]) ^ (ulong)k : 0;
                _suf[i * 4 + k - 1] = k <= w.Length ? LowerHash(w[^k..]) ^ (ulong)(k << 8) : 0;
            }
            _lexAll[i].Clear();
            var (cluster, capitalised) = lexicon.Word(_lower[i]);
            _lexAll[i].Add(CapitalisedValue + (ulong)(capitalised + 1));
            _lexAll[i].Add(CapitalisedValue + 0x100 + (ulong)((capitalised + 1) * 4 + (f & (Capitalised | AllCaps))));
            if (cluster is { } path)
                foreach (var len in ClusterPrefixes)
                    if (path.Length >= len) _lexAll[i].Add(FeatureExtractor.LowerHash(path.AsSpan(0, len)) ^ (ulong)len << 56);
        }
        // gazetteer phrases of up to six tokens: each token learns the lists it begins or continues
        for (var i = 0; i < _n; i++)
        {
            var h = 14695981039346656037UL;
            for (var n = 1; n <= Lexicon.MaxWords && i + n <= _n; n++)
            {
                if (n > 1) h = Lexicon.Extend(h, ' ');
                foreach (var c in text.AsSpan(tokens[i + n - 1].Start, tokens[i + n - 1].Length)) h = Lexicon.Extend(h, char.ToLowerInvariant(c));
                var classes = lexicon.Classes(h);
                if (classes != 0)
                    for (var k = 0; k < n; k++)
                        for (var bit = 0; bit < 32; bit++)
                            if ((classes & (1u << bit)) != 0) _lexAll[i + k].Add(GazetteerValue + (ulong)(bit * 4 + (k == 0 ? 0 : 1) + (n == 1 ? 2 : 0)));
                // no list goes on from these words: longer phrases cannot match
                if (!lexicon.Continues(h)) break;
            }
        }
    }

    private const ulong GazetteerValue = 0xA5A5_0000_0000UL;
    private const ulong CapitalisedValue = 0x5A5A_0000_0000UL;
    private static readonly int[] ClusterPrefixes = [4, 6, 10, 20];

    /// <summary>Writes the features of token i given the two previous labels and the document's memory of the word.</summary>
    public void Features(int i, int prev, int prev2, DocumentMemory memory, List<ulong> f)
    {
        f.Clear();
        LabelFeatures(i, prev, prev2, f);
        StaticFeatures(i, memory, f);
    }

    /// <summary>The features that depend on the previous decisions: a decoder keeping several histories scores only these again.</summary>
    public void LabelFeatures(int i, int prev, int prev2, List<ulong> f)
    {
        f.Add(F(21, (ulong)prev));
        f.Add(F(22, (ulong)(uint)prev << 8 | (uint)prev2));
        f.Add(F(23, _lower[i] * 31 + (ulong)prev));
        f.Add(F(26, _shape[i] * 31 + (ulong)prev));
    }

    /// <summary>The features that do not depend on the previous decisions (appended to <paramref name="f"/>).</summary>
    public void StaticFeatures(int i, DocumentMemory memory, List<ulong> f)
    {
        f.Add(F(0, 0));
        f.Add(F(1, _lower[i]));
        f.Add(F(2, Lower(i - 1)));
        f.Add(F(3, Lower(i + 1)));
        f.Add(F(4, Lower(i - 2)));
        f.Add(F(5, Lower(i + 2)));
        f.Add(F(6, _shape[i]));
        f.Add(F(7, Shape(i - 1)));
        f.Add(F(8, Shape(i + 1)));
        for (var k = 0; k < 4; k++)
        {
            if (_pre[i * 4 + k] != 0) f.Add(F(9 + k, _pre[i * 4 + k]));
            if (_suf[i * 4 + k] != 0) f.Add(F(13 + k, _suf[i * 4 + k]));
        }
        f.Add(F(17, _flags[i]));
        f.Add(F(18, (ulong)Flag(i - 1) << 8 | _flags[i]));
        f.Add(F(19, (ulong)_flags[i] << 8 | Flag(i + 1)));
        f.Add(F(24, Lower(i - 1) * 31 ^ _lower[i]));
        f.Add(F(25, _lower[i] * 31 ^ Lower(i + 1)));
        f.Add(F(27, Lower(i - 1) * 31 ^ Lower(i + 1)));
        if (memory.Of(_lower[i]) is { } seen)
        {
            f.Add(F(28, seen));
            f.Add(F(29, seen * 31 ^ _flags[i]));
        }
        for (var d = -1; d <= 1; d++)
        {
            var j = i + d;
            if (j < 0 || j >= _n) continue;
            foreach (var v in _lexAll[j]) f.Add(F(40 + d, v));
        }
    }

    public ulong LowerHashOf(int i) => _lower[i];

    private ulong Lower(int i) => i < 0 ? 1 : i >= _n ? 2 : _lower[i];
    private ulong Shape(int i) => i < 0 ? 1 : i >= _n ? 2 : _shape[i];
    private byte Flag(int i) => i < 0 || i >= _n ? (byte)255 : _flags[i];

    private static ulong F(int template, ulong value) => Mix(value ^ ((ulong)(template + 1) * 0x9E3779B97F4A7C15UL));

    public static ulong LowerHash(ReadOnlySpan<char> w)
    {
        var h = 14695981039346656037UL;
        foreach (var c in w) { h ^= char.ToLowerInvariant(c); h *= 1099511628211UL; }
        return h;
    }

    /// <summary>Xxxx, XX, dd,dd, x-Xx: character classes with runs collapsed, so "Syrskyi" and "Kostenko" share a shape.</summary>
    private static ulong ShapeHash(ReadOnlySpan<char> w)
    {
        var h = 14695981039346656037UL;
        var last = '\0';
        var run = 0;
        foreach (var c in w)
        {
            var k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (k == last && ++run >= 2) continue;
            if (k != last) run = 0;
            last = k;
            h ^= k; h *= 1099511628211UL;
        }
        return h;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>
/// What the document has said so far about a word: the entity type most often given to it. Later mentions of a name
/// in a headline-cased or upper-cased line lean on earlier, clearer ones.
/// </summary>
public sealed class DocumentMemory
{
    private readonly Dictionary<ulong, int[]> _counts = [];

    public void Clear() => _counts.Clear();

    public void Remember(ulong lowerHash, int label)
    {
        if (EntityLabels.IsOutside(label)) return;
        if (!_counts.TryGetValue(lowerHash, out var c)) _counts[lowerHash] = c = new int[8];
        c[EntityLabels.TypeOf(label)]++;
    }

    /// <summary>1 + the commonest type, or null when the word has not been part of a name in this document.</summary>
    public ulong? Of(ulong lowerHash)
    {
        if (!_counts.TryGetValue(lowerHash, out var c)) return null;
        var best = 0;
        for (var t = 1; t < c.Length; t++) if (c[t] > c[best]) best = t;
        return (ulong)(best + 1);
    }
}
