using System.Security.Cryptography;
using System.Text;
using Sitrep.Core.Entities;

namespace Sitrep.Resolve;

/// <summary>
/// Joins mentions into entities, explaining each join. Within a document: the same key, a short form of a full name
/// ("Putin" → "Vladimir Putin"), an acronym of a name ("ISW"), a spelling of at least five letters within one edit
/// of a name of at least four (Syskyi, SYKSKI), or a name in capitals that keeps a repeated name's consonants (KASK).
/// Across documents: the same key (first names in any of their Ukrainian, Russian and English forms), a full name with
/// the same first name and a surname within one edit, or an acronym and the one expansion that answers to it. Short
/// keys never join by edit distance: Sumy is not Sudzha.
/// </summary>
public static class EntityResolver
{
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "for", "and", "de", "'s", "’s", "on", "in" };
    private static readonly Dictionary<string, string> WordSynonyms = new(StringComparer.Ordinal)
    {
        // keys of words that name the same thing: spelling variants, demonyms and their countries, region words
        ["defens"] = "defenc", ["russian"] = "rusi", ["rusian"] = "rusi", ["russia"] = "rusi", ["rusia"] = "rusi", ["ukrainian"] = "ukrain", ["ukrain"] = "ukrain",
        ["region"] = "oblast", ["oblast"] = "oblast", ["provinc"] = "oblast", ["krai"] = "oblast", ["rajon"] = "oblast",
    };

    /// <summary>
    /// First names as Ukrainian, Russian and English write them: one person is Oleksandr in Kyiv's press and Aleksandr or
    /// Alexander in Moscow's and in translation. Each group's spellings share the key of its first.
    /// </summary>
    private static readonly Dictionary<string, string> FirstNames = new[]
    {
        "Oleksandr Aleksandr Alexander Alexandr Oleksander Aleksander Olexandr", "Oleksandra Aleksandra Alexandra", "Serhiy Serhii Sergei Sergey Sergiy Sergii Serhij",
        "Andriy Andrii Andrey Andrei Andrij", "Dmytro Dmitry Dmitri Dmitriy Dmitrii", "Volodymyr Vladimir", "Mykola Nikolai Nikolay Mikola",
        "Oleksiy Oleksii Alexei Alexey Aleksei Aleksey Olexiy", "Yuriy Yurii Yuri Yury Iurii", "Vasyl Vasily Vasiliy Vasili Vassily", "Petro Pyotr Petr",
        "Mykhailo Mikhail Mykhaylo Mikhailo", "Hennadiy Hennadii Gennady Gennadiy Gennadii", "Viktor Victor", "Yevhen Yevgeny Evgeny Yevgeniy Evgeniy Yevgenii",
        "Hryhoriy Hryhorii Grigory Grigoriy Grigorii", "Ihor Igor", "Oleh Oleg", "Kyrylo Kirill", "Maksym Maxim Maksim", "Pavlo Pavel", "Heorhiy Heorhii Georgy Georgiy Georgii",
        "Borys Boris", "Olena Elena Yelena", "Tetiana Tatiana Tatyana", "Anatoliy Anatoly Anatolii", "Vitaliy Vitaly Vitalii",
        "Yulia Yuliya Julia Iuliia", "Ivan Iwan", "Denys Denis", "Stepan Stefan", "Fedir Fyodor Fedor", "Arseniy Arseny Arsenii",
    }.SelectMany(group => { var names = group.Split(' '); return names.Select(n => (Key: NameKey.Word(n), Canonical: NameKey.Word(names[0]))); })
     .Where(p => p.Key != p.Canonical).DistinctBy(p => p.Key).ToDictionary(p => p.Key, p => p.Canonical, StringComparer.Ordinal);

    /// <summary>Mentions believed to name one thing. Its canonical name is kept up to date as mentions arrive, in constant time.</summary>
    private sealed class Cluster(string type, bool regional = false)
    {
        public readonly string Type = type;
        /// <summary>Made of a bare name its text calls a region ("Ivanovo, Ryazan and Amur regions"): keyed as the region.</summary>
        public readonly bool Regional = regional;
        public readonly List<EntityMention> Mentions = [];
        public readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _texts = new(StringComparer.Ordinal);
        public string Name { get; private set; } = "";
        public string Key { get; private set; } = "";
        public string[] Words { get; private set; } = [];

        public void Add(EntityMention m)
        {
            Mentions.Add(m);
            var count = _texts[m.Text] = _texts.GetValueOrDefault(m.Text) + 1;
            if (Name.Length == 0 || Better(m.Text, count, Name, _texts[Name]))
            {
                Name = m.Text;
                Key = KeyOfText(Name);
                Words = ContentWords(Regional ? AsRegion(Name) : Name);
            }
        }

        public IEnumerable<string> Texts => _texts.Keys;

        public int Count(string text) => _texts.GetValueOrDefault(text);

        /// <summary>The key of one of this cluster's spellings, as another cluster of type <paramref name="type"/> would find it.</summary>
        public string KeyOfText(string text, string? type = null) => KeyOf(Regional ? AsRegion(text) : text, type ?? Type);

        /// <summary>
        /// The spellings that identify this entity beyond its own story. A short form ("Kherson" beside "Kherson
        /// region") was a judgement about one story: elsewhere "Kherson" is as likely the city.
        /// </summary>
        public IEnumerable<string> IdentifyingTexts => _texts.Keys.Where(t => !(Reasons.TryGetValue(t, out var why) && why.StartsWith("short form", StringComparison.Ordinal)));

        // the longest name, then the most frequent, then the first in ordinal order
        private static bool Better(string text, int count, string best, int bestCount)
        {
            var (w, bw) = (text.Count(ch => ch == ' '), best.Count(ch => ch == ' '));
            if (w != bw) return w > bw;
            if (count != bestCount) return count > bestCount;
            return string.CompareOrdinal(text, best) < 0;
        }
    }

    /// <summary>The entities found so far, indexed so that each new cluster is matched in constant time.</summary>
    private sealed class Index
    {
        public readonly List<Cluster> All = [];
        private readonly Dictionary<(string, string), Cluster> _byKey = [];
        private readonly Dictionary<string, List<Cluster>> _byFirstName = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<Cluster>> _bySurname = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<Cluster>> _singles = new(StringComparer.Ordinal);

        public Cluster? ByKey(string type, string key) => _byKey.GetValueOrDefault((Family(type), key));
        public IReadOnlyList<Cluster> WithFirstName(string w) => _byFirstName.GetValueOrDefault(w) ?? [];
        public IReadOnlyList<Cluster> WithSurname(string w) => _bySurname.GetValueOrDefault(w) ?? [];
        public IReadOnlyList<Cluster> Singles(string w) => _singles.GetValueOrDefault(w) ?? [];
        public IReadOnlyList<Cluster> WithInitials(string acronym) => _byInitials.GetValueOrDefault(acronym) ?? [];
        public IReadOnlyList<Cluster> Acronyms(string initials) => _acronyms.GetValueOrDefault(initials) ?? [];
        public IReadOnlyList<Cluster> WithWord(string type, string word) => _byWord.GetValueOrDefault(Family(type) + " " + word) ?? [];
        private readonly Dictionary<string, List<Cluster>> _byWord = new(StringComparer.Ordinal);

        private readonly Dictionary<string, List<Cluster>> _byInitials = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<Cluster>> _acronyms = new(StringComparer.Ordinal);

        public void Add(Cluster c)
        {
            All.Add(c);
            Register(c, c);
        }

        /// <summary>Makes the names of <paramref name="from"/> find <paramref name="to"/>.</summary>
        public void Register(Cluster from, Cluster to)
        {
            foreach (var text in from.IdentifyingTexts)
            {
                _byKey.TryAdd((Family(to.Type), from.KeyOfText(text, to.Type)), to);
                if (to.Type is "ORG" or "MISC")
                {
                    foreach (var key in AbbreviatedKeys(text, to.Type)) _byKey.TryAdd((Family(to.Type), key), to);
                    if (JoinedKey(text) is { } joined) _byKey.TryAdd((Family(to.Type), joined), to);
                }
            }
            if (to.Type is "ORG" or "MISC")
                foreach (var text in from.IdentifyingTexts.Where(t => !IsAcronym(t)))
                    foreach (var word in OrgWords(text)) Put(_byWord, Family(to.Type) + " " + word, to);
            if (to.Type != "PER")
            {
                foreach (var text in from.Texts)
                {
                    if (IsAcronym(text)) Put(_acronyms, text, to);
                    else if (Initials(text) is { Length: >= 3 } initials) Put(_byInitials, initials, to);
                }
                return;
            }
            foreach (var words in from.Texts.Select(ContentWords))
            {
                if (words.Length > 1)
                {
                    Put(_byFirstName, words[0], to);
                    Put(_bySurname, words[^1], to);
                }
                else if (words.Length == 1) Put(_singles, words[0], to);
            }
        }

        private static void Put(Dictionary<string, List<Cluster>> index, string key, Cluster c)
        {
            if (!index.TryGetValue(key, out var list)) index[key] = list = [];
            if (!list.Contains(c)) list.Add(c);
        }
    }

    private static string[] ContentWords(string name) => NameKey.Words(name).Where(w => !FunctionWords.Contains(w)).Select(w => FirstName(NameKey.Word(w))).ToArray();

    private static string FirstName(string key) => FirstNames.GetValueOrDefault(key, key);

    /// <param name="corrections">A user's merges and splits, applied in order after the machine's joins.</param>
    /// <param name="senses">What the text around a place mention says it names (<see cref="PlaceSenses"/>), if known.</param>
    public static List<Entity> Resolve(IEnumerable<EntityMention> mentions, IReadOnlyList<EntityCorrection>? corrections = null,
        IReadOnlyDictionary<EntityMention, PlaceSense>? senses = null, IReadOnlyDictionary<EntityMention, string>? acronyms = null)
    {
        var all = mentions as IReadOnlyCollection<EntityMention> ?? mentions.ToList();
        var qualifiers = QualifiersOf(all);
        // a bare name its text calls a region is keyed as the region only where the collection names that region
        var regions = all.Where(m => m.Type == "LOC" && HasRegionWord(m.Text)).Select(m => KeyOf(m.Text, "LOC")).ToHashSet(StringComparer.Ordinal);
        var global = new Index();
        foreach (var doc in all.GroupBy(m => m.Document))
        {
            var local = new List<Cluster>();
            // longer names first, so short forms and acronyms find the full name they stand for
            foreach (var m in doc.OrderByDescending(m => NameKey.Words(m.Text).Count()).ThenBy(m => m.Span.Start))
            {
                var sense = senses?.GetValueOrDefault(m) ?? PlaceSense.Unknown;
                var regional = sense == PlaceSense.Region && m.Type == "LOC" && !HasRegionWord(m.Text) && regions.Contains(KeyOf(AsRegion(m.Text), "LOC"));
                var (cluster, reason) = acronyms?.GetValueOrDefault(m) is { } expansion ? Defined(local, m, expansion) : (null, null);
                if (cluster is null) (cluster, reason) = FindLocal(local, m, sense, regional, qualifiers);
                if (cluster is null) { cluster = new Cluster(m.Type, regional); local.Add(cluster); reason = null; }
                // a spelling the cluster already has keeps its standing: a short form of itself identifies it still
                if (reason is not null && cluster.Count(m.Text) == 0) cluster.Reasons.TryAdd(m.Text, reason);
                cluster.Add(m);
            }
            foreach (var c in local) MergeGlobal(global, c, qualifiers);
        }
        foreach (var correction in corrections ?? []) Apply(global.All, correction);
        var owners = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        foreach (var c in global.All) foreach (var text in c.Texts) owners.TryAdd(text, c);
        var entities = global.All.Select(c => ToEntity(c, owners)).ToList();
        // two entities can share a name's key (a town and the region its text names); each keeps an id of its own
        var shared = entities.GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        if (shared.Count > 0) entities = entities.Select(e => shared.Contains(e.Id) ? e with { Id = Hash(e.Id + "\0" + e.Mentions[0].Document + "\0" + e.Mentions[0].Span.Start) } : e).ToList();
        return entities.OrderBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The cluster of the name an acronym was written beside ("Security Service of Ukraine (SBU)").</summary>
    private static (Cluster?, string?) Defined(List<Cluster> local, EntityMention m, string expansion)
    {
        var key = KeyOf(expansion, m.Type);
        var named = local.FirstOrDefault(c => Family(c.Type) == Family(m.Type) && c.Key == key)
            ?? local.FirstOrDefault(c => c.Type != "PER" && c.Texts.Contains(expansion));
        return named is null ? (null, null) : (named, $"acronym written beside {named.Name} in the same document");
    }

    private static (Cluster?, string?) FindLocal(List<Cluster> local, EntityMention m, PlaceSense sense, bool regional, HashSet<string> qualifiers)
    {
        var key = KeyOf(regional ? AsRegion(m.Text) : m.Text, m.Type);
        var words = ContentWords(m.Text);
        foreach (var c in local.Where(c => Family(c.Type) == Family(m.Type) && c.Key == key))
            return (c, regional && !c.Regional ? $"short form of {c.Name}: its text names it among regions" : null);
        if (regional) return (null, null);
        if (m.Type is "ORG" or "MISC" && HasAbbreviation(m.Text))
        {
            // "Russian MoD" in a story that names the Russian Ministry of Defense
            var spelled = local.Where(c => Family(c.Type) == Family(m.Type) && c.Texts.Any(t => AbbreviatedKeys(t, m.Type).Contains(key))).ToList();
            if (spelled.Count == 1) return (spelled[0], $"abbreviation of {spelled[0].Name} in the same document");
        }
        if (m.Type is "ORG" or "MISC" && !IsAcronym(m.Text) && OrgWords(m.Text) is { Length: > 0 } own)
        {
            // "the Defence Ministry" in a story that names the Ministry of Defence of Azerbaijan, "Wagner" beside "Wagner Group"
            var longer = local.Where(c => Family(c.Type) == Family(m.Type) && !IsAcronym(c.Name) && IsShortForm(own, OrgWords(c.Name), qualifiers)).ToList();
            if (longer.Count == 1) return (longer[0], $"short form of {longer[0].Name} in the same document");
        }
        if (words.Length == 1)
        {
            var w = words[0];
            // a surname alone stands for the full name in the same story
            var surname = local.Where(c => c.Type == "PER" && m.Type is "PER" or "MISC" or "ORG" && c.Words.Length > 1 && c.Words[^1] == w).ToList();
            if (surname.Count == 1) return (surname[0], $"short form of {surname[0].Name} in the same document");
            // "Kursk" with "Kursk region" in the story is the region
            // unless its text points at the town ("north of Donetsk", "the city of Voronezh"): a capital is not its region
            var region = local.Where(c => c.Type == "LOC" && m.Type == "LOC" && sense != PlaceSense.City && c.Words.Length == 2 && c.Words[0] == w && Synonym(c.Words[1]) == "oblast").ToList();
            if (region.Count == 1) return (region[0], $"short form of {region[0].Name} in the same document");
            if (m.Text.Length >= 2 && m.Text.All(char.IsUpper))
            {
                var acronym = local.Where(c => c.Type is "ORG" or "MISC" or "LOC" && Initials(c.Name) == m.Text).ToList();
                if (acronym.Count == 1) return (acronym[0], $"acronym of {acronym[0].Name} in the same document");
            }
            // a damaged spelling of a surname or one-word name in the same story (Syskyi, SYKSKI, Kosthenko)
            if (w.Length >= 5)
            {
                var near = local.Where(c => c.Words.Length >= 1 && c.Words[^1].Length >= 4 && NameKey.Distance(c.Words[^1], w, 1) <= 1
                                            && (c.Type == m.Type || m.Text.All(ch => !char.IsLower(ch)))).ToList();
                if (near.Count == 1) return (near[0], $"spelling within one edit of {near[0].Name} in the same document");
            }
            // a name in capitals comes from damaged text (SYKSKI, KASK), where vowels are the least reliable letters: its
            // consonants, one of them perhaps lost, with the same first and last letter, name a person or place the story
            // names more than once
            if (m.Text.Length >= 4 && m.Text.All(ch => !char.IsLower(ch)))
            {
                var garbled = local.Where(c => c.Type is "LOC" or "PER" && c.Mentions.Count >= 2 && NameKey.Words(c.Name).Any(x => SameConsonants(x, m.Text))).ToList();
                if (garbled.Count == 1) return (garbled[0], $"the consonants of {garbled[0].Name}, written in capitals, in the same document");
            }
        }
        else
        {
            // the same first name and a surname within one edit: a damaged full name (Oleksandr Syskyi)
            var near = local.Where(c => c.Type == m.Type && SameFirstNearLast(c.Words, words)).ToList();
            if (near.Count == 1) return (near[0], $"same first name as {near[0].Name}, surname within one edit");
        }
        return (null, null);
    }

    private static void MergeGlobal(Index global, Cluster c, HashSet<string> qualifiers)
    {
        Cluster? match = null;
        var reason = "the same name";
        foreach (var text in c.IdentifyingTexts)
            if ((match = global.ByKey(c.Type, c.KeyOfText(text))) is not null) break;
        if (match is null && c.Type is "ORG" or "MISC")
        {
            // a full name arriving after its abbreviation ("Russian MoD", then "Russian Ministry of Defence")
            match = c.IdentifyingTexts.SelectMany(t => AbbreviatedKeys(t, c.Type).Append(JoinedKey(t) ?? ""))
                .Where(k => k.Length > 0).Select(k => global.ByKey(c.Type, k)).FirstOrDefault(g => g is not null);
            if (match is not null) reason = $"full form of {match.Name}";
        }
        if (match is null && c.Type != "PER")
        {
            // an acronym and its expansion in different stories, when only one name elsewhere answers
            var candidates = IsAcronym(c.Name) ? global.WithInitials(c.Name) : Initials(c.Name) is { Length: >= 3 } initials ? global.Acronyms(initials) : [];
            if (candidates.Distinct().Count() == 1) { match = candidates[0]; reason = IsAcronym(c.Name) ? $"acronym of {match.Name}" : $"expansion of {match.Name}"; }
        }
        if (match is null && c.Type is "ORG" or "MISC" && !IsAcronym(c.Name) && OrgWords(c.Name) is { Length: > 0 } own)
        {
            // an organisation's short form and its full name in different stories, when only one name answers
            var related = own.SelectMany(w => global.WithWord(c.Type, w)).Distinct()
                .Where(g => !IsAcronym(g.Name) && OrgWords(g.Name) is var other && (IsShortForm(own, other, qualifiers) || IsShortForm(other, own, qualifiers))).Take(2).ToList();
            if (related.Count == 1)
            {
                match = related[0];
                reason = own.Length < OrgWords(match.Name).Length ? $"short form of {match.Name}" : $"full form of {match.Name}";
            }
        }
        if (match is null && c.Type == "PER" && c.Words.Length > 1)
        {
            match = global.WithFirstName(c.Words[0]).FirstOrDefault(g => SameFirstNearLast(g.Words, c.Words));
            reason = "same first name and a surname within one edit";
        }
        if (match is null && c.Type == "PER" && c.Words.Length == 1)
        {
            // a surname seen alone joins the one full name elsewhere that ends with it
            var full = global.WithSurname(c.Words[0]);
            if (full.Count == 1) { match = full[0]; reason = $"short form of {full[0].Name}"; }
        }
        if (match is null && c.Type == "PER" && c.Words.Length > 1)
        {
            // a full name arriving after its surname was seen alone
            var shortForms = global.Singles(c.Words[^1]).Where(g => g.Words.Length == 1).ToList();
            if (shortForms.Count == 1) { match = shortForms[0]; reason = $"full form of {shortForms[0].Name}"; }
        }
        if (match is null) { global.Add(c); return; }
        var before = match.Name;
        foreach (var m in c.Mentions) match.Add(m);
        foreach (var (alias, why) in c.Reasons) match.Reasons.TryAdd(alias, why);
        foreach (var text in c.Texts) match.Reasons.TryAdd(text, reason == "the same name" ? $"the same name as {before} once transliterated" : reason);
        global.Register(c, match);
    }

    private static void Apply(List<Cluster> global, EntityCorrection correction)
    {
        Cluster? Written(string name) => global.FirstOrDefault(g => g.Mentions.Any(m => string.Equals(m.Text, name, StringComparison.OrdinalIgnoreCase)));
        if (Written(correction.A) is not { } a) return;
        if (correction.Kind == CorrectionKind.Merge)
        {
            if (Written(correction.B) is not { } b || b == a) return;
            foreach (var m in b.Mentions) a.Add(m);
            foreach (var text in b.Mentions.Select(m => m.Text).Distinct()) a.Reasons[text] = $"merged with {correction.A} by a user";
            global.Remove(b);
            return;
        }
        var moved = a.Mentions.Where(m => string.Equals(m.Text, correction.B, StringComparison.OrdinalIgnoreCase)).ToList();
        if (moved.Count == 0 || moved.Count == a.Mentions.Count) return;
        var split = new Cluster(moved[0].Type);
        foreach (var m in moved) split.Add(m);
        var rest = new Cluster(a.Type);
        foreach (var m in a.Mentions.Except(moved)) rest.Add(m);
        foreach (var (alias, why) in a.Reasons.Where(r => r.Key != moved[0].Text)) rest.Reasons[alias] = why;
        global[global.IndexOf(a)] = rest;
        global.Add(split);
    }

    /// <summary>
    /// True when two spellings share their first and last letters and their consonants within one edit ("KASK" and
    /// "Kursk": k-s-k and k-r-s-k), with at least three consonants each, so that short words and acronyms never meet.
    /// </summary>
    private static bool SameConsonants(string a, string b)
    {
        if (a.Length < 4 || char.ToLowerInvariant(a[0]) != char.ToLowerInvariant(b[0]) || char.ToLowerInvariant(a[^1]) != char.ToLowerInvariant(b[^1])) return false;
        static string Consonants(string w) => new(w.ToLowerInvariant().Where(ch => char.IsLetter(ch) && "aeiouy".IndexOf(ch) < 0).ToArray());
        var (x, y) = (Consonants(a), Consonants(b));
        return x.Length >= 3 && y.Length >= 3 && NameKey.Distance(x, y, 1) <= 1;
    }

    private static bool SameFirstNearLast(string[] a, string[] b) =>
        a.Length > 1 && b.Length > 1 && a[0] == b[0] && Math.Min(a[^1].Length, b[^1].Length) >= 4 && Math.Max(a[^1].Length, b[^1].Length) >= 5
        && NameKey.Distance(a[^1], b[^1], 1) <= 1;

    private static readonly HashSet<string> CityWords = Gazetteer.CityWords.Select(NameKey.Word).ToHashSet(StringComparer.Ordinal);

    /// <summary>Names of organisations and places keyed as a set of content words, so word order and demonyms do not matter.</summary>
    private static string KeyOf(string name, string type)
    {
        var words = KeyWords(name, type);
        return type == "PER" ? string.Join(' ', words) : string.Join(' ', words.Order(StringComparer.Ordinal));
    }

    /// <summary>A name's content words as keys, in the order written.</summary>
    private static List<string> KeyWords(string name, string type)
    {
        var words = NameWords(name, type).Select(w => Synonym(NameKey.Word(w))).Where(w => w.Length > 0).ToList();
        if (type is "ORG" or "MISC") words = words.Select(Singular).ToList();
        // "Kherson city" is Kherson: the word says which of a city and its region is meant, and a bare name is the city
        if (type == "LOC" && words.Count > 1 && CityWords.Contains(words[^1])) words.RemoveAt(words.Count - 1);
        return words;
    }

    /// <summary>Whether a name has an abbreviation in mixed case that spells its small words too (MoD, MoFA).</summary>
    private static bool HasAbbreviation(string name) => NameKey.Words(name).Any(IsMixedAbbreviation);

    private static bool IsMixedAbbreviation(string w) =>
        w.Length is >= 3 and <= 6 && char.IsUpper(w[0]) && char.IsUpper(w[^1]) && w.Any(char.IsLower) && w.All(char.IsLetter);

    /// <summary>
    /// The keys of a name with a run of its words abbreviated as the press does, small words in lower case: "Russian
    /// Ministry of Defence" is also "Russian MoD". Only runs that hold a small word, so plain initials (ISW) are not made.
    /// </summary>
    private static List<string> AbbreviatedKeys(string name, string type)
    {
        var words = NameKey.Words(name).ToArray();
        var keys = new List<string>();
        if (words.Length < 3 || words.Length > 8) return keys;
        for (var i = 0; i < words.Length; i++)
            for (var j = i + 2; j < words.Length; j++)
            {
                var run = words[i..(j + 1)];
                if (!char.IsUpper(run[0][0]) || !char.IsUpper(run[^1][0]) || !run.Any(FunctionWords.Contains)) continue;
                if (run.Any(w => !FunctionWords.Contains(w) && !char.IsUpper(w[0]))) continue;
                var abbreviation = string.Concat(run.Select(w => FunctionWords.Contains(w) ? char.ToLowerInvariant(w[0]) : w[0]));
                keys.Add(KeyOf(string.Join(' ', words[..i].Append(abbreviation).Concat(words[(j + 1)..])), type));
            }
        return keys;
    }

    /// <summary>A name's words without small words, possessive endings and, for organisations, the words of their kind.</summary>
    private static List<string> NameWords(string name, string type)
    {
        var raw = NameKey.Words(name).Where(w => !FunctionWords.Contains(w)).Select(w => w.EndsWith("'s") || w.EndsWith("’s") ? w[..^2] : w).ToList();
        if (type is not ("ORG" or "MISC")) return raw;
        // "Wagner Group", "Wagner PMC" and "Wagner": the words that say what kind of body it is are not its name
        if (raw.Count(w => !OrgKindWords.Contains(w)) is > 0) raw.RemoveAll(OrgKindWords.Contains);
        // "Operation Spider Web" is Spider Web; an operation named after its author ("SBU Operation") is not the SBU
        if (raw.Count > 1 && string.Equals(raw[0], "operation", StringComparison.OrdinalIgnoreCase)) raw.RemoveAt(0);
        return raw;
    }

    /// <summary>Words that name a kind of organisation rather than one organisation.</summary>
    private static readonly HashSet<string> OrgKindWords = new(StringComparer.OrdinalIgnoreCase) { "group", "PMC", "company", "mercenary", "mercenaries" };

    /// <summary>An organisation's words in order, for short forms (<see cref="IsShortForm"/>).</summary>
    private static string[] OrgWords(string name) => KeyWords(name, "ORG").Distinct().ToArray();

    /// <summary>
    /// Whether <paramref name="brief"/> is a short form of <paramref name="full"/>: fewer words, all of them in the full name,
    /// its first among them ("Defence Ministry" of "Ministry of Defence of Azerbaijan"; but "Ukraine" is no short form of
    /// "Armed Forces of Ukraine", nor "Security Service" of "SBU Security Service").
    /// </summary>
    /// <param name="qualifiers">
    /// Words that say whose an organisation is rather than which: places and peoples the collection names on their own
    /// ("Russian" in "Russian Defence Ministry", whose short form is "Defence Ministry").
    /// </param>
    private static bool IsShortForm(string[] brief, string[] full, HashSet<string> qualifiers) =>
        brief.Length < full.Length && brief.All(full.Contains) && full.FirstOrDefault(w => !qualifiers.Contains(w)) is { } head
        && brief.Contains(head) && brief.Any(w => !qualifiers.Contains(w));

    /// <summary>The keys of the places and peoples the collection names in one word (<see cref="IsShortForm"/>).</summary>
    private static HashSet<string> QualifiersOf(IEnumerable<EntityMention> mentions) =>
        mentions.Where(m => m.Type is "LOC" or "MISC" && !m.Text.Contains(' ')).Select(m => m.Text).Distinct(StringComparer.Ordinal)
            .SelectMany(t => KeyWords(t, "ORG")).ToHashSet(StringComparer.Ordinal);

    /// <summary>An organisation's words written as one ("Spider Web" and "Spiderweb"), for names of two or three words.</summary>
    private static string? JoinedKey(string name) =>
        NameWords(name, "ORG") is { Count: 2 or 3 } words ? NameKey.Word(string.Concat(words)) : null;

    /// <summary>Organisations and other names share keys: the tagger calls one name either.</summary>
    private static string Family(string type) => type == "MISC" ? "ORG" : type;

    private static bool HasRegionWord(string name) => NameKey.Words(name).LastOrDefault() is { } last && Synonym(NameKey.Word(last)) == "oblast";

    /// <summary>A bare name as the region it names ("Ivanovo" → "Ivanovo region").</summary>
    private static string AsRegion(string name) => HasRegionWord(name) ? name : name + " region";

    /// <summary>
    /// Organisation words without their plural: "Institute for War Studies" and "Institute for the Study of War" use one
    /// set of words. Places keep their endings: a town's final s is part of its name.
    /// </summary>
    private static string Singular(string key)
    {
        if (key.Length > 4 && key[^1] == 's') key = key[..^1];
        while (key.Length > 4 && key[^1] is 'a' or 'e' or 'i' or 'o' or 'u') key = key[..^1];
        return key;
    }

    private static string Synonym(string key) => WordSynonyms.GetValueOrDefault(key, FirstName(key));

    /// <summary>A word of three or more capitals and nothing else: IAEA, NATO, FSB.</summary>
    private static bool IsAcronym(string text) => text.Length >= 3 && text.All(char.IsUpper);

    private static string Initials(string name) =>
        string.Concat(NameKey.Words(name).Where(w => !FunctionWords.Contains(w) && char.IsUpper(w[0])).Select(w => w[0]));

    private static string Hash(string text) => "e-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    /// <param name="owners">Each spelling in the collection and an entity it belongs to, to tell run-ons.</param>
    private static Entity ToEntity(Cluster c, Dictionary<string, Cluster> owners)
    {
        var name = DisplayName(c, owners);
        // the commonest type; on a tie, the type of the canonical name itself
        var type = c.Mentions.GroupBy(m => m.Type).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Any(m => m.Text == name)).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var aliases = c.Mentions.Select(m => m.Text).Distinct().OrderBy(a => a == name ? 0 : 1).ThenBy(a => a, StringComparer.Ordinal).ToList();
        var id = Hash(type + "\0" + c.Key);
        var mentions = c.Mentions.OrderBy(m => m.Document, StringComparer.Ordinal).ThenBy(m => m.Span.Start).ToList();
        return new Entity(id, type, name, aliases, mentions, c.Reasons.Where(r => r.Key != name).ToDictionary());
    }

    /// <summary>
    /// The name users see: the most common full name, not a short form or an acronym when a full name is there (a person's
    /// with first name and surname); never a possessive ("Ukraines" beside "Ukraine"), a name behind a lowercase modifier
    /// ("green Hamas") or a run-on of two names ("Kursk Ukraine").
    /// </summary>
    private static string DisplayName(Cluster c, Dictionary<string, Cluster> owners)
    {
        var texts = c.Texts.ToList();
        bool Flawed(string t) => Possessive(t, texts) || Modified(t) || c.Type == "LOC" && RunOn(t, c, owners);
        bool Short(string t) => IsAcronym(t) || c.Reasons.TryGetValue(t, out var why) && why.StartsWith("short form", StringComparison.Ordinal);
        var choices = texts.Where(t => !Flawed(t) && !Short(t)).ToList();
        if (choices.Count == 0) choices = texts.Where(t => !Flawed(t)).ToList();
        if (choices.Count == 0) return c.Name;
        // a region is named with its region word: the bare name in it is a short form ("Irkutsk" for "Irkutsk region")
        if (c.Type == "LOC" && choices.Any(HasRegionWord)) choices = choices.Where(HasRegionWord).ToList();
        static int Words(string t) => NameKey.Words(t).Count();
        return choices.OrderByDescending(t => c.Type == "PER" && Words(t) > 1).ThenByDescending(c.Count).ThenByDescending(Words)
            .ThenBy(t => t, StringComparer.Ordinal).First();
    }

    private static bool Possessive(string text, List<string> texts) =>
        text.EndsWith("'s", StringComparison.Ordinal) || text.EndsWith("’s", StringComparison.Ordinal) || text.EndsWith("s'", StringComparison.Ordinal)
        || text.Length > 3 && text[^1] == 's' && texts.Contains(text[..^1]);

    /// <summary>A first word in lower case of four letters or more is a modifier the tagger took in ("green Hamas").</summary>
    private static bool Modified(string text) =>
        NameKey.Words(text).ToList() is { Count: > 1 } words && words[0].Length >= 4 && words[0].All(char.IsLower);

    /// <summary>Two place names of the collection run together, at least one of another entity ("Kursk Ukraine").</summary>
    private static bool RunOn(string text, Cluster c, Dictionary<string, Cluster> owners)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < words.Length; i++)
            if (owners.TryGetValue(string.Join(' ', words[..i]), out var a) && owners.TryGetValue(string.Join(' ', words[i..]), out var b)
                && a.Type == "LOC" && b.Type == "LOC" && (a != c || b != c))
                return true;
        return false;
    }
}
