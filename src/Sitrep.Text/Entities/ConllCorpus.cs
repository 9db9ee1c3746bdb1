namespace Sitrep.Text.Entities;

public sealed record ConllSentence(string[] Tokens, string[] Tags);

public sealed record ConllDocument(List<ConllSentence> Sentences);

/// <summary>
/// Reads CoNLL-style files: one token a line, the token in the first column and its tag in the last, blank lines
/// between sentences, -DOCSTART- between documents. IOB1 is turned into IOB2, and other corpora's type names are
/// mapped to the CoNLL types (GUM's person/place/organization, WNUT's corporation/group/location, …).
/// </summary>
public static class ConllCorpus
{
    private static readonly Dictionary<string, string?> TypeMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PER"] = "PER", ["ORG"] = "ORG", ["LOC"] = "LOC", ["MISC"] = "MISC",
        ["person"] = "PER", ["organization"] = "ORG", ["organisation"] = "ORG", ["corporation"] = "ORG", ["group"] = "ORG",
        ["place"] = "LOC", ["location"] = "LOC", ["product"] = "MISC", ["creative-work"] = "MISC", ["event"] = "MISC",
    };

    public static List<ConllDocument> Read(string path)
    {
        var docs = new List<ConllDocument>();
        var current = new List<ConllSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        void EndSentence()
        {
            if (tokens.Count == 0) return;
            current.Add(new ConllSentence([.. tokens], ToIob2([.. tags])));
            tokens.Clear();
            tags.Clear();
        }
        void EndDocument()
        {
            EndSentence();
            if (current.Count > 0) docs.Add(new ConllDocument(current));
            current = [];
        }
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0) { EndSentence(); continue; }
            var cols = line.Split(line.Contains('\t') ? '\t' : ' ', StringSplitOptions.RemoveEmptyEntries);
            if (cols[0] == "-DOCSTART-") { EndDocument(); continue; }
            if (cols.Length < 2) continue;
            tokens.Add(cols[0]);
            tags.Add(MapTag(cols[^1]));
        }
        EndDocument();
        return docs;
    }

    private static string MapTag(string tag)
    {
        if (tag == "O" || tag.Length < 3 || tag[1] != '-') return "O";
        return TypeMap.TryGetValue(tag[2..], out var t) && t is not null ? tag[0] + "-" + t : "O";
    }

    /// <summary>IOB1 starts an entity with I unless it touches one of the same type; IOB2 always starts with B.</summary>
    public static string[] ToIob2(string[] tags)
    {
        var result = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            var t = tags[i];
            if (t.StartsWith("I-", StringComparison.Ordinal) && (i == 0 || result[i - 1] == "O" || result[i - 1][2..] != t[2..])) t = "B-" + t[2..];
            result[i] = t;
        }
        return result;
    }

    /// <summary>Exact entity spans (start token, end token exclusive, type) of an IOB2 sequence.</summary>
    public static List<(int Start, int End, string Type)> Spans(IReadOnlyList<string> tags)
    {
        var spans = new List<(int, int, string)>();
        for (var i = 0; i < tags.Count; i++)
        {
            if (!tags[i].StartsWith("B-", StringComparison.Ordinal) && !(tags[i].StartsWith("I-", StringComparison.Ordinal) && (i == 0 || tags[i - 1] == "O" || tags[i - 1][2..] != tags[i][2..])))
                continue;
            var type = tags[i][2..];
            var e = i + 1;
            while (e < tags.Count && tags[e] == "I-" + type) e++;
            spans.Add((i, e, type));
            i = e - 1;
        }
        return spans;
    }
}
