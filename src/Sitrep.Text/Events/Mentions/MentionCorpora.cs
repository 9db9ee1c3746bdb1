using System.Text;
using System.Xml;
using Sitrep.Text.Sentences;
using Sitrep.Text.Tokens;

namespace Sitrep.Text.Events.Mentions;

/// <summary>Training sentences for the event mention tagger from ECB+ and from TimeBank.</summary>
public static class MentionCorpora
{
    /// <summary>The fully annotated sentences of ECB+ documents, event mentions (ACTION_*, NEG_*) labelled B/I.</summary>
    public static IEnumerable<LabelledSentence> FromEcb(IEnumerable<EcbDocument> docs)
    {
        foreach (var doc in docs)
            foreach (var sentence in doc.Scored.Order())
            {
                var tokens = doc.TokensOf(sentence).ToArray();
                if (tokens.Length == 0) continue;
                var labels = new int[tokens.Length];
                foreach (var m in doc.Markables.Where(m => m.IsEvent && m.Sentence(doc.Tokens) == sentence))
                {
                    var first = Array.IndexOf(tokens, m.Tokens[0]);
                    var last = Array.IndexOf(tokens, m.Tokens[^1]);
                    if (first < 0 || last < first || labels[first..(last + 1)].Any(x => x != 0)) continue;
                    labels[first] = EventMentionTagger.Begin;
                    for (var k = first + 1; k <= last; k++) labels[k] = EventMentionTagger.Inside;
                }
                yield return new LabelledSentence(tokens.Select(t => doc.Tokens[t].Text).ToArray(), labels);
            }
    }

    /// <summary>TimeML documents (.tml) with their EVENT tags, split and tokenised by Sitrep's own splitter and tokenizer.</summary>
    public static IEnumerable<LabelledSentence> FromTimeMl(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var (text, events) = ReadEvents(path);
            foreach (var sentence in SentenceSplitter.Split(text))
            {
                var tokens = Tokenizer.Tokenize(text, sentence.Start, sentence.End);
                if (tokens.Count == 0) continue;
                var labels = new int[tokens.Count];
                foreach (var (start, end) in events)
                {
                    var inside = Enumerable.Range(0, tokens.Count).Where(k => tokens[k].Start < end && start < tokens[k].End).ToArray();
                    if (inside.Length == 0) continue;
                    labels[inside[0]] = EventMentionTagger.Begin;
                    foreach (var k in inside.Skip(1)) labels[k] = EventMentionTagger.Inside;
                }
                yield return new LabelledSentence(tokens.Select(t => t.Of(text)).ToArray(), labels, LabelledSentence.TimeBank);
            }
        }
    }

    private static (string Text, List<(int Start, int End)> Events) ReadEvents(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(path, settings);
        var text = new StringBuilder();
        var events = new List<(int, int)>();
        var inText = false;
        var open = -1;
        try
        {
            while (reader.Read())
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element when reader.Name == "TEXT": inText = true; break;
                    case XmlNodeType.EndElement when reader.Name == "TEXT": inText = false; break;
                    case XmlNodeType.Element when reader.Name == "EVENT" && inText: open = text.Length; break;
                    case XmlNodeType.EndElement when reader.Name == "EVENT" && open >= 0:
                        events.Add((open, text.Length));
                        open = -1;
                        break;
                    case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when inText:
                        text.Append(reader.Value);
                        break;
                }
        }
        catch (XmlException e) { throw new InvalidDataException($"{path}: not a TimeML document ({e.Message})", e); }
        return (text.ToString(), events);
    }
}
