using Sitrep.Core.Documents;

namespace Sitrep.Text.Patterns;

/// <summary>A match of a phrase: the tokens it covers (first and last, inclusive) and the value it was added with.</summary>
public readonly record struct PhraseMatch<T>(int First, int Last, T Value);

/// <summary>
/// Phrases a domain expert writes in a data file, matched over tokens without regular expressions. A phrase is words
/// separated by spaces; each word is matched case-insensitively and may be alternatives (<c>took|taken</c>) or a
/// prefix (<c>recaptur*</c>, four letters at least); <c>~N</c> lets up to N other tokens stand between two words
/// (<c>took ~1 control of</c> reads "took control of" and "took full control of"). Phrases are indexed by their first
/// word, so a token costs one hash lookup (two when prefixes are in use) however many phrases there are.
/// </summary>
public sealed class PhraseSet<T>
{
    private const int PrefixKey = 4;

    private readonly Dictionary<string, List<Phrase>> _byWord = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<Phrase>> _byPrefix = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<Phrase>>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly Dictionary<string, List<Phrase>>.AlternateLookup<ReadOnlySpan<char>> _prefixes;

    public PhraseSet()
    {
        _words = _byWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixes = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count { get; private set; }

    private sealed record Phrase(Part[] Parts, T Value);

    /// <summary>One word of a phrase: alternatives, or a prefix; <see cref="GapBefore"/> tokens may precede it.</summary>
    private sealed record Part(string[] Words, string? Prefix, int GapBefore)
    {
        public bool Matches(ReadOnlySpan<char> token)
        {
            if (Prefix is not null) return token.Length >= Prefix.Length && token.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
            foreach (var w in Words)
                if (token.Equals(w, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }

    /// <exception cref="FormatException">The phrase is empty, starts with a gap or has a prefix shorter than four letters.</exception>
    public void Add(string phrase, T value)
    {
        var parts = new List<Part>();
        var gap = 0;
        foreach (var word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (word[0] == '~' && int.TryParse(word.AsSpan(1), out var n) && n >= 0)
            {
                if (parts.Count == 0) throw new FormatException($"'{phrase}': a phrase cannot start with a gap");
                gap += n;
                continue;
            }
            if (word.EndsWith('*'))
            {
                var prefix = word[..^1];
                if (prefix.Length < PrefixKey || prefix.Contains('|')) throw new FormatException($"'{phrase}': a prefix needs {PrefixKey} letters at least and no alternatives");
                parts.Add(new Part([], prefix, gap));
            }
            else parts.Add(new Part(word.Split('|', StringSplitOptions.RemoveEmptyEntries), null, gap));
            gap = 0;
        }
        if (parts.Count == 0) throw new FormatException("an empty phrase");
        var entry = new Phrase([.. parts], value);
        var first = parts[0];
        if (first.Prefix is not null) Index(_byPrefix, first.Prefix[..PrefixKey], entry);
        else foreach (var w in first.Words) Index(_byWord, w, entry);
        Count++;
    }

    private static void Index(Dictionary<string, List<Phrase>> index, string key, Phrase phrase)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(phrase);
    }

    /// <summary>Adds every match that starts at a token in [from, to) and ends before <paramref name="to"/>, in token order.</summary>
    public void Match(string text, IReadOnlyList<TextSpan> tokens, int from, int to, List<PhraseMatch<T>> into)
    {
        for (var i = from; i < to; i++)
        {
            var token = tokens[i].In(text);
            if (_words.TryGetValue(token, out var byWord)) TryAll(byWord, text, tokens, i, to, into);
            if (_byPrefix.Count > 0 && token.Length >= PrefixKey && _prefixes.TryGetValue(token[..PrefixKey], out var byPrefix))
                TryAll(byPrefix, text, tokens, i, to, into);
        }
    }

    private static void TryAll(List<Phrase> phrases, string text, IReadOnlyList<TextSpan> tokens, int i, int to, List<PhraseMatch<T>> into)
    {
        foreach (var p in phrases)
            if (p.Parts[0].Matches(tokens[i].In(text)) && End(p.Parts, 1, text, tokens, i + 1, to) is { } last)
                into.Add(new PhraseMatch<T>(i, last, p.Value));
    }

    /// <summary>The last token of the shortest match of parts[k..] starting at token <paramref name="next"/>, or null.</summary>
    private static int? End(Part[] parts, int k, string text, IReadOnlyList<TextSpan> tokens, int next, int to)
    {
        if (k == parts.Length) return next - 1;
        var part = parts[k];
        for (var skip = 0; skip <= part.GapBefore && next + skip < to; skip++)
            if (part.Matches(tokens[next + skip].In(text)) && End(parts, k + 1, text, tokens, next + skip + 1, to) is { } last)
                return last;
        return null;
    }
}
