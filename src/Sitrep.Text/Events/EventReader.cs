using Sitrep.Core.Claims;
using Sitrep.Core.Documents;
using Sitrep.Core.Events;
using Sitrep.Core.Time;
using Sitrep.Text.Claims;
using Sitrep.Text.Sentences;
using Sitrep.Text.Tokens;

namespace Sitrep.Text.Events;

/// <summary>
/// The last reading stage: one pass over a document's sentences that credits each to its source (a claim) and finds
/// the events it reports, on top of the names, times and quantities found before. One reader per thread.
/// </summary>
public sealed class EventReader(ClaimLexicon claims, EventLexicon events)
{
    private readonly ClaimTagger _claims = new(claims);
    private readonly EventTagger _events = new(events, claims.Cues);
    private readonly List<Patterns.PhraseMatch<bool>> _captions = [];

    public EventLexicon Events => events;

    /// <summary>Loads the lexicons of data/claims and data/events under <paramref name="dataDirectory"/>.</summary>
    public static EventReader Load(string dataDirectory) =>
        new(ClaimLexicon.Load(Path.Combine(dataDirectory, "claims")), EventLexicon.Load(Path.Combine(dataDirectory, "events")));

    /// <param name="mentions">Entity mentions in text order.</param>
    /// <param name="times">Time expressions in text order.</param>
    /// <param name="quantities">Quantities in text order.</param>
    public (List<Claim> Claims, List<EventMention> Events) Read(string body, IReadOnlyList<Mention> mentions, IReadOnlyList<TimeExpression> times, IReadOnlyList<Quantity> quantities)
    {
        var sentences = Clauses(body, SentenceSplitter.Split(body));
        var claimList = new List<Claim>(sentences.Count);
        var eventList = new List<EventMention>();
        var speakers = new ClaimTagger.Speakers();
        var context = new EventTagger.Context();
        var cursor = 0;
        for (var i = 0; i < sentences.Count; i++)
        {
            var s = SentenceTokens.Of(body, i, sentences[i], Tokenizer.Tokenize(body, sentences[i].Start, sentences[i].End), mentions, ref cursor);
            if (IsCaption(body, s))
            {
                // a photo caption or credit repeats the story under a picture: no one's claim, no event of its own
                claimList.Add(new Claim(s.Span, null, null, Stance.Asserts));
                continue;
            }
            var claim = _claims.Tag(s, speakers);
            claimList.Add(claim);
            _events.Tag(s, times, quantities, i, context, eventList, claim.Source);
        }
        ClaimTagger.CarryQuotes(body, sentences, claimList);
        return (claimList, eventList);
    }

    private const int CaptionLine = 250;

    private bool IsCaption(string body, SentenceTokens s)
    {
        _captions.Clear();
        claims.Captions.Match(s.Text, s.Tokens, 0, s.Count, _captions);
        if (_captions.Count == 0) return false;
        var lineStart = body.LastIndexOf('\n', Math.Max(0, s.Span.Start - 1)) + 1;
        var lineEnd = body.IndexOf('\n', s.Span.Start);
        var shortLine = (lineEnd < 0 ? body.Length : lineEnd) - lineStart < CaptionLine;
        return _captions.Any(c => c.Value ? c.First == 0 : shortLine);
    }

    /// <summary>
    /// Sentences cut at their semicolons outside quotations: "Kyiv says Russian troops blew up the dam; the Kremlin says
    /// Ukraine shelled it" holds two claims by two sources, each with its own events.
    /// </summary>
    private static List<TextSpan> Clauses(string body, List<TextSpan> sentences)
    {
        var result = new List<TextSpan>(sentences.Count);
        foreach (var s in sentences)
        {
            var start = s.Start;
            var quoted = false;
            for (var i = s.Start; i < s.End; i++)
            {
                var c = body[i];
                if (c is '"' or '“' or '”' or '«' or '»') quoted = c is '“' or '«' || (c == '"' && !quoted);
                if (c != ';' || quoted || i + 1 >= s.End || !char.IsWhiteSpace(body[i + 1])) continue;
                result.Add(new TextSpan(start, i + 1));
                start = i + 1;
                while (start < s.End && char.IsWhiteSpace(body[start])) start++;
            }
            if (start < s.End) result.Add(new TextSpan(start, s.End));
        }
        return result;
    }
}
