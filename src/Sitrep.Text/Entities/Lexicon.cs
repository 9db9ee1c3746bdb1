using System.Globalization;
using Sitrep.Core.Documents;
using Sitrep.Text.Tokens;

namespace Sitrep.Text.Entities;

/// <summary>
/// Word lists the entity model sees as features: the team's lists (countries, demonyms, first names, titles,
/// organisation words) and GeoNames' cities. Entries are phrases of up to four tokens, tokenised like the text and
/// looked up by the hash of their lower-cased tokens. The signature ties a trained model to the lists it saw.
/// </summary>
public sealed class Lexicon : ILexicon
{
    public const int MaxWords = 6;

    /// <summary>List classes, one bit each in a phrase's mask.</summary>
    public enum ListClass { Country, Demonym, FirstName, Title, Organisation, City, LargeCity }

    private static readonly (string File, ListClass Class)[] Files =
    [
        ("countries.txt", ListClass.Country), ("demonyms.txt", ListClass.Demonym), ("first-names.txt", ListClass.FirstName),
        ("titles.txt", ListClass.Title), ("organisations.txt", ListClass.Organisation),
    ];

    private readonly Dictionary<ulong, uint> _phrases = [];
    private readonly Dictionary<ulong, (string? Path, int Capitalised)> _words = [];

    public string Signature { get; private set; } = "";
    public int PhraseCount => _phrases.Count;

    public static Lexicon Empty { get; } = new();

    /// <param name="listDirectory">The folder of the team's lists (data/lexicon).</param>
    /// <param name="citiesTsv">GeoNames' cities as the build writes them, or null to leave them out.</param>
    /// <param name="clustersTsv">Word clusters (word, bit path) from `sitrep train clusters`, or null.</param>
    public static Lexicon Load(string listDirectory, string? citiesTsv, string? clustersTsv)
    {
        var lexicon = new Lexicon();
        foreach (var (file, cls) in Files)
        {
            var path = Path.Combine(listDirectory, file);
            if (!File.Exists(path)) throw new FileNotFoundException($"word list {path} is missing");
            foreach (var line in File.ReadLines(path))
                if (line.Length > 0 && line[0] != '#') lexicon.Add(line.Trim(), cls);
        }
        if (citiesTsv is not null)
            foreach (var line in File.ReadLines(citiesTsv).Skip(1))
            {
                var cols = line.Split('\t');
                if (cols.Length < 7) continue;
                var population = long.TryParse(cols[6], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
                foreach (var name in new[] { cols[1], cols[2] })
                {
                    if (name.Length < 2) continue;
                    lexicon.Add(name, ListClass.City);
                    if (population >= 100_000) lexicon.Add(name, ListClass.LargeCity);
                }
            }
        if (clustersTsv is not null)
            foreach (var line in File.ReadLines(clustersTsv))
            {
                var cols = line.Split('\t');
                if (cols.Length < 3) continue;
                lexicon._words[FeatureExtractor.LowerHash(cols[0])] = (UseClusters ? cols[1] : null, int.Parse(cols[2], CultureInfo.InvariantCulture));
            }
        lexicon.Signature = $"{lexicon._phrases.Count}/{lexicon._words.Count}/{lexicon.Checksum():x16}";
        return lexicon;
    }

    private void Add(string phrase, ListClass cls)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        if (tokens.Count is 0 or > MaxWords) return;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        var h = PhraseHash(phrase, span);
        _phrases[h] = _phrases.GetValueOrDefault(h) | (1u << (int)cls);
        for (var k = 1; k < tokens.Count; k++) _prefixes.Add(PhraseHash(phrase, span[..k]));
    }

    /// <summary>The first words of longer phrases ("Institute for the"), so that a lookup can stop where no phrase goes on.</summary>
    private readonly HashSet<ulong> _prefixes = [];

    /// <summary>Whether some phrase starts with the words of this hash and goes on.</summary>
    public bool Continues(ulong phraseHash) => _prefixes.Contains(phraseHash);

    /// <summary>The hash of tokens' lower-cased text joined by single spaces, built token by token.</summary>
    public static ulong PhraseHash(string text, ReadOnlySpan<TextSpan> tokens)
    {
        var h = 14695981039346656037UL;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (i > 0) h = Extend(h, ' ');
            foreach (var c in text.AsSpan(tokens[i].Start, tokens[i].Length)) h = Extend(h, char.ToLowerInvariant(c));
        }
        return h;
    }

    public static ulong Extend(ulong h, char c) => (h ^ c) * 1099511628211UL;

    public uint Classes(ulong phraseHash) => _phrases.GetValueOrDefault(phraseHash);

    /// <summary>Whether the phrase is on the list of <paramref name="list"/>.</summary>
    public bool Has(ulong phraseHash, ListClass list) => (Classes(phraseHash) & (1u << (int)list)) != 0;

    private readonly HashSet<ulong> _otherPlaceNames = [];

    /// <summary>
    /// Names of places the press uses that GeoNames' cities do not carry (Lugansk, Dnepr): seen by the recognizer's
    /// repairs, never by the model's features, so a trained model's lists stay the ones it was trained with.
    /// </summary>
    public void AddPlaceNames(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var tokens = Tokenizer.Tokenize(name);
            if (tokens.Count is > 0 and <= MaxWords) _otherPlaceNames.Add(PhraseHash(name, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens)));
        }
    }

    /// <summary>Whether the phrase names a city or another place the press names.</summary>
    public bool IsPlace(ulong phraseHash) => Has(phraseHash, ListClass.City) || _otherPlaceNames.Contains(phraseHash);

    /// <summary>
    /// Cluster paths from the little unlabelled text we have (370k tokens) made the model worse on CoNLL's dev set
    /// (0.8926 → 0.8871 F1), so only the capitalisation statistics are used until clusters come from more text.
    /// </summary>
    private const bool UseClusters = false;

    public (string? Cluster, int Capitalised) Word(ulong lowerHash) => _words.TryGetValue(lowerHash, out var w) ? w : (null, -1);

    private ulong Checksum()
    {
        ulong sum = 0;
        foreach (var (k, v) in _phrases) sum += k * 31 + v;
        foreach (var (k, v) in _words) sum += k ^ (ulong)((v.Path?.Length ?? 0) * 16 + v.Capitalised + 1);
        return sum;
    }
}
