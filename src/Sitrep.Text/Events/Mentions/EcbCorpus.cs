using System.Globalization;
using System.Xml;

namespace Sitrep.Text.Events.Mentions;

/// <summary>One token of an ECB+ document: its text and the sentence it belongs to.</summary>
public readonly record struct EcbToken(string Text, int Sentence);

/// <summary>
/// An annotated markable: the ECB+ tag (ACTION_OCCURRENCE, TIME_DATE, HUMAN_PART_PER…), its id in the file, the
/// token indices it covers (0-based, ascending) and, for event mentions, the gold coreference chain.
/// </summary>
public sealed record EcbMarkable(string MarkableId, string Tag, int[] Tokens, string Chain)
{
    public int Sentence(IReadOnlyList<EcbToken> tokens) => tokens[Tokens[0]].Sentence;
    public bool IsEvent => Tag.StartsWith("ACTION", StringComparison.Ordinal) || Tag.StartsWith("NEG_", StringComparison.Ordinal);
}

/// <summary>
/// An ECB+ document. <see cref="Topic"/> is the name of its folder; <see cref="Scored"/> holds the sentences listed in
/// ECBplus_coreference_sentences.csv (the fully annotated ones).
/// </summary>
public sealed record EcbDocument(string Name, string Topic, EcbToken[] Tokens, List<EcbMarkable> Markables, HashSet<int> Scored)
{
    public IEnumerable<EcbMarkable> Events => Markables.Where(m => m.IsEvent && Scored.Contains(m.Sentence(Tokens)));

    public IEnumerable<int> Sentences => Tokens.Select(t => t.Sentence).Distinct();

    /// <summary>Token indices of one sentence, in order.</summary>
    public IEnumerable<int> TokensOf(int sentence)
    {
        for (var i = 0; i < Tokens.Length; i++) if (Tokens[i].Sentence == sentence) yield return i;
    }
}

/// <summary>
/// Reads ECB+ (Cybulska and Vossen 2014): topic folders of XML documents with tokens, markables over token ids and
/// coreference relations. A mention's gold chain is its cross-document instance id, else its within-document chain,
/// else itself alone (a singleton).
/// </summary>
public static class EcbCorpus
{
    public const string SentenceList = "ECBplus_coreference_sentences.csv";

    /// <summary>Every topic folder under <paramref name="root"/>, or <paramref name="root"/> itself if it holds documents.</summary>
    public static List<EcbDocument> ReadFolder(string root, Func<string, bool>? takeTopic = null)
    {
        var scored = ReadSentenceList(root);
        var folders = Directory.GetFiles(root, "*.xml").Length > 0 ? [root] : Directory.GetDirectories(root);
        var docs = new List<EcbDocument>();
        foreach (var folder in folders.OrderBy(f => f, StringComparer.Ordinal))
        {
            var topic = Path.GetFileName(folder);
            if (takeTopic is not null && !takeTopic(topic)) continue;
            foreach (var file in Directory.GetFiles(folder, "*.xml").OrderBy(f => f, StringComparer.Ordinal))
                docs.Add(Read(file, topic, scored));
        }
        return docs;
    }

    /// <summary>"topic,file,sentence" rows; a missing list means every sentence is scored.</summary>
    private static Dictionary<string, HashSet<int>>? ReadSentenceList(string root)
    {
        var path = new[] { root, Path.GetDirectoryName(Path.GetFullPath(root)) ?? root }
            .Select(d => Path.Combine(d, SentenceList)).FirstOrDefault(File.Exists);
        if (path is null) return null;
        var list = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length < 3 || !int.TryParse(cells[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var sentence)) continue;
            var name = $"{cells[0].Trim()}_{cells[1].Trim()}.xml";
            if (!list.TryGetValue(name, out var set)) list[name] = set = [];
            set.Add(sentence);
        }
        return list;
    }

    public static EcbDocument Read(string path, string topic, Dictionary<string, HashSet<int>>? scored)
    {
        var xml = new XmlDocument();
        try { xml.Load(path); }
        catch (XmlException e) { throw new InvalidDataException($"{path}: not an ECB+ document ({e.Message})", e); }
        var root = xml.DocumentElement ?? throw new InvalidDataException($"{path}: empty document");
        var name = Path.GetFileName(path);
        var tokens = new List<EcbToken>();
        var tokenIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (XmlElement t in root.GetElementsByTagName("token"))
        {
            tokenIndex[t.GetAttribute("t_id")] = tokens.Count;
            tokens.Add(new EcbToken(t.InnerText, int.Parse(t.GetAttribute("sentence"), CultureInfo.InvariantCulture)));
        }

        var anchored = new List<(string Id, string Tag, int[] Tokens)>();
        var instances = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.GetElementsByTagName("Markables").Cast<XmlElement>().FirstOrDefault() is { } markables)
            foreach (var m in markables.ChildNodes.OfType<XmlElement>())
            {
                var anchors = m.GetElementsByTagName("token_anchor").Cast<XmlElement>()
                    .Select(a => tokenIndex.TryGetValue(a.GetAttribute("t_id"), out var i) ? i : -1).Where(i => i >= 0).Order().ToArray();
                if (anchors.Length > 0) anchored.Add((m.GetAttribute("m_id"), m.Name, anchors));
                else if (m.GetAttribute("instance_id") is { Length: > 0 } instance) instances[m.GetAttribute("m_id")] = instance;
            }

        // chains: cross-document ones by instance id; within-document ones by the target markable, made unique per file
        var chain = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.GetElementsByTagName("Relations").Cast<XmlElement>().FirstOrDefault() is { } relations)
            foreach (var r in relations.ChildNodes.OfType<XmlElement>())
            {
                var target = r.GetElementsByTagName("target").Cast<XmlElement>().FirstOrDefault()?.GetAttribute("m_id") ?? "";
                var id = r.Name == "CROSS_DOC_COREF" ? r.GetAttribute("note") is { Length: > 0 } note ? note : instances.GetValueOrDefault(target, $"{name}#{target}")
                    : $"{name}#{target}";
                foreach (var s in r.GetElementsByTagName("source").Cast<XmlElement>()) chain[s.GetAttribute("m_id")] = id;
            }

        var result = anchored.Select(a => new EcbMarkable(a.Id, a.Tag, a.Tokens, chain.GetValueOrDefault(a.Id, $"{name}#{a.Id}"))).ToList();
        var sentences = scored is null ? tokens.Select(t => t.Sentence).ToHashSet() : scored.GetValueOrDefault(name) ?? [];
        return new EcbDocument(name, topic, [.. tokens], result, sentences);
    }
}
