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
    private sealed class Cluster(string type)
    {
        public readonly string Type = type;
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
                Key = KeyOf(Name, Type);
                Words = ContentWords(Name);
            }
        }

        public IEnumerable<string> Texts => _texts.Keys;

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

        public Cluster? ByKey(string type, string key) => _byKey.GetValueOrDefault((type, key));
        public IReadOnlyList<Cluster> WithFirstName(string w) => _byFirstName.GetValueOrDefault(w) ?? [];
        public IReadOnlyList<Cluster> WithSurname(string w) => _bySurname.GetValueOrDefault(w) ?? [];
        public IReadOnlyList<Cluster> Singles(string w) => _singles.GetValueOrDefault(w) ?? [];
        public IReadOnlyList<Cluster> WithInitials(string acronym) => _byInitials.GetValueOrDefault(acronym) ?? [];
        public IReadOnlyList<Cluster> Acronyms(string initials) => _acronyms.GetValueOrDefault(initials) ?? [];

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
            foreach (var text in from.IdentifyingTexts) _byKey.TryAdd((to.Type, KeyOf(text, to.Type)), to);
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
    public static List<Entity> Resolve(IEnumerable<EntityMention> mentions, IReadOnlyList<EntityCorrection>? corrections = null)
    {
        var global = new Index();
        foreach (var doc in mentions.GroupBy(m => m.Document))
        {
            var local = new List<Cluster>();
            // longer names first, so short forms and acronyms find the full name they stand for
            foreach (var m in doc.OrderByDescending(m => NameKey.Words(m.Text).Count()).ThenBy(m => m.Span.Start))
            {
                var (cluster, reason) = FindLocal(local, m);
                if (cluster is null) { cluster = new Cluster(m.Type); local.Add(cluster); reason = null; }
                cluster.Add(m);
                if (reason is not null) cluster.Reasons.TryAdd(m.Text, reason);
            }
            foreach (var c in local) MergeGlobal(global, c);
        }
        foreach (var correction in corrections ?? []) Apply(global.All, correction);
        return global.All.Select(ToEntity).OrderBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    private static (Cluster?, string?) FindLocal(List<Cluster> local, EntityMention m)
    {
        var key = KeyOf(m.Text, m.Type);
        var words = ContentWords(m.Text);
        foreach (var c in local.Where(c => c.Type == m.Type && c.Key == key)) return (c, null);
        if (words.Length == 1)
        {
            var w = words[0];
            // a surname alone stands for the full name in the same story
            var surname = local.Where(c => c.Type == "PER" && m.Type is "PER" or "MISC" or "ORG" && c.Words.Length > 1 && c.Words[^1] == w).ToList();
            if (surname.Count == 1) return (surname[0], $"short form of {surname[0].Name} in the same document");
            // "Kursk" with "Kursk region" in the story is the region
            var region = local.Where(c => c.Type == "LOC" && m.Type == "LOC" && c.Words.Length == 2 && c.Words[0] == w && Synonym(c.Words[1]) == "oblast").ToList();
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

    private static void MergeGlobal(Index global, Cluster c)
    {
        Cluster? match = null;
        var reason = "the same name";
        foreach (var text in c.IdentifyingTexts)
            if ((match = global.ByKey(c.Type, KeyOf(text, c.Type))) is not null) break;
        if (match is null && c.Type != "PER")
        {
            // an acronym and its expansion in different stories, when only one name elsewhere answers
            var candidates = IsAcronym(c.Name) ? global.WithInitials(c.Name) : Initials(c.Name) is { Length: >= 3 } initials ? global.Acronyms(initials) : [];
            if (candidates.Distinct().Count() == 1) { match = candidates[0]; reason = IsAcronym(c.Name) ? $"acronym of {match.Name}" : $"expansion of {match.Name}"; }
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
        var words = NameKey.Words(name).Where(w => !FunctionWords.Contains(w)).Select(w => Synonym(NameKey.Word(w.EndsWith("'s") || w.EndsWith("’s") ? w[..^2] : w)));
        if (type is "ORG" or "MISC") words = words.Select(Singular);
        // "Kherson city" is Kherson: the word says which of a city and its region is meant, and a bare name is the city
        if (type == "LOC") { var list = words.ToList(); if (list.Count > 1 && CityWords.Contains(list[^1])) list.RemoveAt(list.Count - 1); words = list; }
        return type == "PER" ? string.Join(' ', words) : string.Join(' ', words.Order(StringComparer.Ordinal));
    }

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

    private static Entity ToEntity(Cluster c)
    {
        var name = c.Name;
        // the commonest type; on a tie, the type of the canonical name itself
        var type = c.Mentions.GroupBy(m => m.Type).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Any(m => m.Text == name)).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var aliases = c.Mentions.Select(m => m.Text).Distinct().OrderBy(a => a == name ? 0 : 1).ThenBy(a => a, StringComparer.Ordinal).ToList();
        var id = "e-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(type + "\0" + KeyOf(name, c.Type))))[..16];
        var mentions = c.Mentions.OrderBy(m => m.Document, StringComparer.Ordinal).ThenBy(m => m.Span.Start).ToList();
        return new Entity(id, type, name, aliases, mentions, c.Reasons.Where(r => r.Key != name).ToDictionary());
    }
}
