using Sitrep.Core.Claims;
using Sitrep.Core.Documents;
using Sitrep.Text.Patterns;
using Sitrep.Text.Sentences;

namespace Sitrep.Text.Claims;

/// <summary>
/// Finds who each sentence is credited to and how it holds what it says. A cue from data/claims (<c>said</c>,
/// <c>according to</c>) looks for its source among the entity mentions around it: before a verb (skipping an
/// apposition: "Roman Kostenko, secretary of the defence committee, told"), after it ("said Peskov", "reported by
/// Reuters"), or after "according to". Pronouns go back to the nearest fitting name before them (a person for "he", an
/// organisation for "it"); a quotation without a speaker of its own
/// takes the speaker of the sentence that opens or closes it. Sentences with no source are the outlet's own voice.
/// One tagger per thread: it keeps buffers.
/// </summary>
public sealed class ClaimTagger(ClaimLexicon lexicon)
{
    private static readonly WordSet Skippable = new("has", "have", "had", "also", "later", "earlier", "then", "further", "again", "publicly", "recently",
        "previously", "already", "reportedly", "once", "repeatedly", "was", "were", "been", "is", "are", "today", "yesterday", "separately");
    private static readonly WordSet Singular = new("he", "she");
    private static readonly WordSet Plural = new("they");
    private static readonly WordSet Neuter = new("it");
    private static readonly WordSet Stops = new(",", ".", ";", ":", "(", ")", "“", "”", "\"", "«", "»", "–", "—");

    private readonly List<PhraseMatch<ClaimCue>> _cues = [];
    private readonly List<PhraseMatch<Stance>> _stances = [];

    /// <summary>The names a pronoun can point back to; reset for each document.</summary>
    public sealed class Speakers
    {
        internal (TextSpan Span, int Sentence)? LastPerson;
        internal (TextSpan Span, int Sentence)? LastAny;
        internal (TextSpan Span, int Sentence)? LastOrganisation;

        /// <summary>
        /// The nearest fitting name before the pronoun at <paramref name="token"/>: a person for "he" and "she", an
        /// organisation for "it", the last source or organisation for "they"; in its sentence first, then in the four
        /// before.
        /// </summary>
        internal TextSpan? For(SentenceTokens s, int token)
        {
            var pronoun = s[token];
            string[] fits = Singular.Contains(pronoun) ? ["PER"] : Neuter.Contains(pronoun) ? ["ORG"] : Plural.Contains(pronoun) ? ["ORG", "PER"] : [];
            if (fits.Length == 0) return null;
            for (var t = token - 1; t >= 0; t--)
                if (s.MentionOf(t) is { } m && fits.Contains(m.Type) && !(fits.Length > 1 && m.Type == "PER")) return m.Span;
            var found = fits[0] == "PER" ? LastPerson : fits.Length == 1 ? LastOrganisation : LastAny ?? LastOrganisation;
            return found is { } f && s.Index - f.Sentence <= 4 ? f.Span : null;
        }

        /// <summary>The sentence's last person and organisation, for pronouns in the sentences after it.</summary>
        internal void Saw(SentenceTokens s)
        {
            for (var t = 0; t < s.Count; t++)
            {
                if (s.MentionOf(t) is not { } m) continue;
                if (m.Type == "PER") LastPerson = (m.Span, s.Index);
                else if (m.Type == "ORG") LastOrganisation = (m.Span, s.Index);
            }
        }
    }

    /// <summary>The claim of one sentence. Quotations spanning sentences are settled afterwards by <see cref="CarryQuotes"/>.</summary>
    public Claim Tag(SentenceTokens s, Speakers speakers)
    {
        _cues.Clear();
        lexicon.Cues.Match(s.Text, s.Tokens, 0, s.Count, _cues);
        TextSpan? source = null;
        string? cue = null;
        var stance = Stance.Asserts;
        foreach (var m in _cues)
        {
            // "United States" is a name, not "States" attributing
            if (s.MentionAt[m.First] >= 0) continue;
            source = m.Value.Role == CueRole.According ? NameAfter(s, m.Last + 1, s.Count, speakers) : SubjectOf(s, m.First, m.Last, speakers);
            if (source is null) continue;
            cue = s.Covering(m.First, m.Last).Of(s.Text).ToLowerInvariant();
            stance = m.Value.Stance;
            break;
        }
        if (source is null && QuoteSpeaker(s) is { } quoted)
        {
            source = quoted;
            cue = "quote";
        }
        _stances.Clear();
        lexicon.Stances.Match(s.Text, s.Tokens, 0, s.Count, _stances);
        foreach (var m in _stances)
        {
            if (Strength(m.Value) > Strength(stance)) stance = m.Value;
            // "Reuters has been able to verify", "Reuters was unable to confirm": whoever checked is the source
            if (source is null && m.Value is Stance.Confirms or Stance.Unverified or Stance.Denies && SubjectBefore(s, m.First, speakers) is { } checker)
            {
                source = checker;
                cue = s.Covering(m.First, m.Last).Of(s.Text).ToLowerInvariant();
            }
        }
        if (source is { } found) Remember(s, found, speakers);
        speakers.Saw(s);
        return new Claim(s.Span, source, cue, stance);
    }

    private static void Remember(SentenceTokens s, TextSpan source, Speakers speakers)
    {
        speakers.LastAny = (source, s.Index);
        foreach (var m in s.Mentions)
            if (m.Type == "PER" && source.Contains(m.Span)) { speakers.LastPerson = (m.Span, s.Index); return; }
    }

    private static int Strength(Stance s) => s switch
    {
        Stance.Denies => 4,
        Stance.Unverified => 3,
        Stance.Confirms => 2,
        Stance.Hedged => 1,
        _ => 0,
    };

    /// <summary>The source of a verb cue: the subject before it, a name after it, or the agent after "by".</summary>
    private TextSpan? SubjectOf(SentenceTokens s, int first, int last, Speakers speakers)
    {
        if (SubjectBefore(s, first, speakers) is { } subject) return subject;
        var j = first - 1;
        var passive = false;
        for (; j >= 0 && Skippable.Contains(s[j]); j--) passive |= s[j] is "was" or "were" or "been" or "is" or "are";
        // "was reported by Reuters"; not "territory claimed by Ukraine"
        if (passive && s.Is(last + 1, "by")) return NameAfter(s, last + 2, Math.Min(s.Count, last + 5), speakers);
        // "..., said Peskov": only right after the verb, so that an object ("told Reuters") is not taken for the speaker
        return j < 0 || s[j] is "”" or "\"" or "»" or "," ? NameAfter(s, last + 1, Math.Min(s.Count, last + 3), speakers) : null;
    }

    private TextSpan? SubjectBefore(SentenceTokens s, int first, Speakers speakers)
    {
        var j = first - 1;
        while (j >= 0 && Skippable.Contains(s[j])) j--;
        if (j < 0) return null;
        if (speakers.For(s, j) is { } antecedent) return antecedent;
        if (s[j] is ",") return Apposition(s, j);
        if (s.MentionAt[j] >= 0) return Extend(s, s.MentionStart(j), j);
        if (lexicon.SourceWords.Contains(s[j])) return UnnamedSource(s, j);
        return null;
    }

    /// <summary>"Name, role, said": the name before the apposition, or a person inside it, whichever is a person first.</summary>
    private TextSpan? Apposition(SentenceTokens s, int closing)
    {
        var opening = closing - 1;
        while (opening >= 0 && s[opening] is not ("," or "“" or "”" or "\"")) opening--;
        (int First, int Last, int Rank)? best = null;
        void Consider(int t)
        {
            if (t < 0 || s.MentionOf(t) is not { } m) return;
            var rank = m.Type switch { "PER" => 0, "ORG" => 1, _ => 2 };
            if (best is null || rank < best.Value.Rank) best = (s.MentionStart(t), t, rank);
        }
        if (opening >= 0 && s[opening] is ",") Consider(opening - 1);
        for (var t = closing - 1; t > opening; t--)
            if (s.MentionAt[t] >= 0 && (t + 1 == closing || s.MentionAt[t + 1] != s.MentionAt[t])) Consider(t);
        return best is { } b ? Extend(s, b.First, b.Last) : null;
    }

    /// <summary>The best-ranked name in [from, to) before a stop, or the plain words of an unnamed source ("state media").</summary>
    private TextSpan? NameAfter(SentenceTokens s, int from, int to, Speakers speakers)
    {
        if (from < to && speakers.For(s, from) is { } antecedent) return antecedent;
        (int First, int Last, int Rank)? best = null;
        var t = from;
        for (; t < to && !Stops.Contains(s[t]); t++)
        {
            if (s.MentionOf(t) is not { } m || (t > from && s.MentionAt[t - 1] == s.MentionAt[t])) continue;
            var rank = m.Type switch { "PER" => 0, "ORG" => 1, _ => 2 };
            if (best is null || rank < best.Value.Rank) best = (t, s.MentionEnd(t), rank);
        }
        if (best is { } b) return Extend(s, b.First, b.Last);
        // an unnamed source is only taken from words this lexicon knows ("state media", "military sources")
        for (var k = from; k < t && k < from + 4; k++)
            if (lexicon.SourceWords.Contains(s[k])) return s.Covering(s.Is(from, "the") ? from + 1 : from, k);
        return null;
    }

    /// <summary>"Russian military bloggers": source words back to a nationality or name, or the words alone.</summary>
    private TextSpan? UnnamedSource(SentenceTokens s, int last)
    {
        var first = last;
        while (first - 1 >= 0 && last - first < 4 && (lexicon.SourceWords.Contains(s[first - 1]) || s.MentionAt[first - 1] >= 0))
        {
            first--;
            if (s.MentionAt[first] >= 0) { first = s.MentionStart(first); break; }
        }
        return s.Covering(first, last);
    }

    /// <summary>A name widened to its possessor ("Russia's Ministry of Defence") and the source words after it ("Russian authorities").</summary>
    private TextSpan Extend(SentenceTokens s, int first, int last)
    {
        if (first >= 2 && s[first - 1] is "'s" or "’s" && s.MentionAt[first - 2] >= 0) first = s.MentionStart(first - 2);
        while (last + 1 < s.Count && lexicon.SourceWords.Contains(s[last + 1]) && char.IsLower(s[last + 1][0])) last++;
        return s.Covering(first, last);
    }

    /// <summary>"“…” – Dmytro Snegiryov" and "“…,” Dmytro Snegiryov": a name right after a closing quotation mark.</summary>
    private static TextSpan? QuoteSpeaker(SentenceTokens s)
    {
        for (var t = 0; t + 1 < s.Count; t++)
        {
            if (s[t] is not ("”" or "\"" or "»")) continue;
            var n = s[t + 1] is "–" or "—" or "-" ? t + 2 : t + 1;
            if (s.MentionOf(n) is { Type: "PER" }) return s.Covering(n, s.MentionEnd(n));
        }
        return null;
    }

    /// <summary>
    /// Gives the sentences of a quotation that runs over several sentences the speaker of the one that names it (the
    /// closing "…,” he told the Dozhd TV channel"), or else of the sentence that introduced it.
    /// </summary>
    public static void CarryQuotes(string text, IReadOnlyList<TextSpan> sentences, List<Claim> claims)
    {
        var i = 0;
        while (i < sentences.Count)
        {
            var depth = QuoteDepthAfter(text, sentences[i], 0);
            if (depth == 0) { i++; continue; }
            var last = i;
            while (depth > 0 && last + 1 < sentences.Count && !StartsParagraph(text, sentences[last + 1])) depth = QuoteDepthAfter(text, sentences[++last], depth);
            var speaker = Enumerable.Range(i, last - i + 1).Select(k => claims[k]).FirstOrDefault(c => c.Source is not null)
                ?? (i > 0 && claims[i - 1].Source is not null && text.AsSpan(sentences[i - 1].Start, sentences[i - 1].Length).TrimEnd().EndsWith(":") ? claims[i - 1] : null);
            if (speaker is not null)
                for (var k = i; k <= last; k++)
                    if (claims[k].Source is null) claims[k] = claims[k] with { Source = speaker.Source, Cue = "quote" };
            i = last + 1;
        }
    }

    private static bool StartsParagraph(string text, TextSpan sentence) => sentence.Start == 0 || text[sentence.Start - 1] == '\n';

    private static int QuoteDepthAfter(string text, TextSpan sentence, int depth)
    {
        foreach (var c in sentence.In(text))
        {
            if (c is '“' or '«') depth++;
            else if (c is '”' or '»') depth = Math.Max(0, depth - 1);
            else if (c == '"') depth = depth > 0 ? depth - 1 : 1;
        }
        return depth;
    }
}
