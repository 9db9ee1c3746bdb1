using Sitrep.Core.Documents;
using Sitrep.Resolve.Events.Coreference;
using Sitrep.Text.Entities;
using Sitrep.Text.Events.Mentions;
using Sitrep.Text.Lexing;
using Sitrep.Text.Time;

namespace Sitrep.Pipeline.Evaluation;

/// <summary>
/// Reads an ECB+ document as Sitrep reads an article, for coreference: its words for document similarity, and per
/// event mention the trigger's stems, the sentence's content words and the arguments Sitrep's own taggers find in the
/// sentence (names from the entity model, dates from the time tagger, figures). The annotators' time, place and
/// participant markables are not used: coreference sees what it would see on a new article.
/// </summary>
public sealed class EcbFeatures
{
    private readonly EntityRecognizer? _entities;
    private readonly IReadOnlyDictionary<string, string>? _clusters;

    /// <param name="clusters">word → cluster bit path (models/clusters.tsv), for the trigger head's cluster</param>
    public EcbFeatures(EntityRecognizer? entities, IReadOnlyDictionary<string, string>? clusters = null)
    {
        _entities = entities;
        _clusters = clusters;
    }

    /// <summary>A document as text (one sentence a line) with each token's span and what the taggers found.</summary>
    public sealed record ReadDocument(EcbDocument Source, string Text, TextSpan[] Spans, List<Mention> Names, List<Core.Time.TimeExpression> Times)
    {
        public IReadOnlyList<string> Words => Source.Tokens.Where(t => IsContentWord(t.Text)).Select(t => Stems.Of(t.Text)).ToList();
    }

    public ReadDocument Read(EcbDocument doc)
    {
        var text = new System.Text.StringBuilder();
        var spans = new TextSpan[doc.Tokens.Length];
        for (var i = 0; i < doc.Tokens.Length; i++)
        {
            if (i > 0) text.Append(doc.Tokens[i].Sentence != doc.Tokens[i - 1].Sentence ? '\n' : ' ');
            spans[i] = new TextSpan(text.Length, text.Length + doc.Tokens[i].Text.Length);
            text.Append(doc.Tokens[i].Text);
        }
        var s = text.ToString();
        return new ReadDocument(doc, s, spans, _entities?.Recognize(s) ?? [], TimeTagger.Tag(s, null));
    }

    /// <summary>The coreference view of the mention over <paramref name="tokens"/> (token indices of one sentence).</summary>
    public EventMentionInfo Mention(ReadDocument doc, string id, IReadOnlyList<int> tokens)
    {
        var source = doc.Source;
        var sentence = source.Tokens[tokens[0]].Sentence;
        var sentenceTokens = source.TokensOf(sentence).ToArray();
        var words = tokens.Select(t => source.Tokens[t].Text).ToArray();
        var stems = words.Where(w => w.Any(char.IsLetter)).Select(Stems.Of).ToList();
        if (stems.Count == 0) stems = words.Select(w => w.ToLowerInvariant()).ToList();
        var span = new TextSpan(doc.Spans[sentenceTokens[0]].Start, doc.Spans[sentenceTokens[^1]].End);
        var names = doc.Names.Where(n => span.Contains(n.Span)).ToList();
        var places = names.Where(n => n.Type == "LOC").Select(n => Key(n.Span.Of(doc.Text))).ToHashSet(StringComparer.Ordinal);
        var participants = names.Where(n => n.Type != "LOC").Select(n => Key(n.Span.Of(doc.Text))).ToHashSet(StringComparer.Ordinal);
        var times = doc.Times.Where(t => span.Contains(t.Span)).Select(t => t.Value.Contains('X', StringComparison.Ordinal) || t.Value.Length == 0
            ? t.Span.Of(doc.Text).ToLowerInvariant() : t.Value).ToHashSet(StringComparer.Ordinal);
        var figures = sentenceTokens.Select(t => source.Tokens[t].Text.Replace(",", "", StringComparison.Ordinal))
            .Where(w => w.Length > 0 && w.All(c => char.IsDigit(c) || c == '.') && char.IsDigit(w[0])).ToHashSet(StringComparer.Ordinal);
        var context = sentenceTokens.Where(t => !tokens.Contains(t) && IsContentWord(source.Tokens[t].Text)).Select(t => Stems.Of(source.Tokens[t].Text)).ToList();
        var head = Head(words, stems);
        var headWord = words[Math.Max(0, stems.IndexOf(head))].ToLowerInvariant();
        return new EventMentionInfo(id, source.Name, head, stems, context, times, places, participants, figures, Sentence: sentence,
            HeadCluster: _clusters?.GetValueOrDefault(headWord));
    }

    /// <summary>A name's last word: "Hugh Jackman" and "Jackman" are one participant.</summary>
    private static string Key(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].ToLowerInvariant();

    /// <summary>
    /// The word that carries a multi-word trigger's meaning: a verb with its particle ("roped in") keeps the verb, a noun
    /// phrase ("Academy Awards ceremony") its last word.
    /// </summary>
    private static string Head(string[] words, List<string> stems)
    {
        if (stems.Count == 1 || words.Length == 1) return stems[0];
        var first = words[0];
        var looksVerbal = first.Length > 0 && char.IsLower(first[0])
                          && (first.EndsWith("ed", StringComparison.Ordinal) || first.EndsWith("ing", StringComparison.Ordinal) || Particles.Contains(words[^1].ToLowerInvariant()));
        return looksVerbal ? stems[0] : stems[^1];
    }

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "in", "out", "up", "down", "off", "on", "over", "away", "back", "to", "for", "into" };

    private static readonly HashSet<string> Stopwords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "that", "this", "with", "from", "have", "been", "were", "will", "would", "their", "they", "there", "which", "about",
        "after", "before", "said", "says", "also", "when", "what", "where", "into", "than", "then", "them", "more", "other", "some", "such",
        "over", "just", "only", "very", "could", "should", "your", "while", "being", "these", "those", "because", "like", "most", "many",
    };

    private static bool IsContentWord(string w) => w.Length > 2 && w.All(char.IsLetter) && !Stopwords.Contains(w);
}
