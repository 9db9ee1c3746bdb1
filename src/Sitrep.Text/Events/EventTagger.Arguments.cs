using Sitrep.Core.Documents;
using Sitrep.Text.Patterns;
using Sitrep.Text.Sentences;

namespace Sitrep.Text.Events;

/// <summary>The arguments of a trigger from its sentence's structure: who did it, to whom, and who only tells it.</summary>
public sealed partial class EventTagger
{
    /// <summary>A source with a name (a person or an organisation), not "officials".</summary>
    private static bool IsNamed(SentenceTokens s, TextSpan? speaker)
    {
        if (speaker is not { } who) return false;
        // a pronoun's antecedent in an earlier sentence is always a name
        if (who.Start < s.Span.Start || who.End > s.Span.End) return true;
        for (var t = 0; t < s.Count; t++)
            if (s.MentionOf(t) is { Type: "PER" or "ORG" } m && who.Contains(m.Span)) return true;
        return false;
    }

    /// <summary>People named in the clause: "several soldiers", "Ukrainian troops".</summary>
    private bool PeopleIn(SentenceTokens s, int start, int end)
    {
        for (var t = start; t < end; t++)
            if (Lexicon.People.Contains(s[t]) || (s[t].Length > 3 && s[t][^1] == 's' && Lexicon.People.Contains(s[t][..^1]))) return true;
        return false;
    }

    /// <summary>
    /// Who or what a transitive trigger is done to when the sentence names it after the trigger: a name that is not the
    /// place, "the dam" for the name ending in "dam" the article gave before, or "it" for the last target.
    /// </summary>
    private static TextSpan? TargetAfter(SentenceTokens s, PhraseMatch<Trigger> m, int segEnd, TextSpan? place, Context context)
    {
        // "blew it up", "blew the dam up": the object inside a phrase with gaps
        for (var t = m.First + 1; t < m.Last; t++)
        {
            if (s.Is(t, "it") && context.LastTarget is { } previous && s.Index - previous.Sentence <= 3) return previous.Span;
            if (s.Is(t, "the") && context.Heads.TryGetValue(s[t + 1].ToString(), out var inside)) return inside;
        }
        for (var t = m.Last + 1; t < segEnd && t <= m.Last + 4; t++)
        {
            if (s.MentionOf(t) is { } mention)
            {
                var b = s.MentionStart(t);
                var before = b > 0 && s.Is(b - 1, "the") ? b - 2 : b - 1;
                var objectAfter = before == m.Last + 1 && (s.Is(before, "on") || s.Is(before, "against") || s.Is(before, "of"));
                if (before > m.Last && Locatives.Contains(s[before]) && !objectAfter || s.Is(before, "by")) return null;
                var span = s.Covering(b, s.MentionEnd(t));
                return span == place ? null : span;
            }
            if (s.Is(t, "the") && t + 1 < segEnd && context.Heads.TryGetValue(s[t + 1].ToString(), out var named)) return named;
            if (s.Is(t, "it") && t == m.Last + 1 && context.LastTarget is { } last && s.Index - last.Sentence <= 3) return last.Span;
            // "the attack on the bridge", "strikes against the depot": what follows is what it was done to
            if (Locatives.Contains(s[t]) && !(t == m.Last + 1 && (s.Is(t, "on") || s.Is(t, "against") || s.Is(t, "of")))) return null;
        }
        return null;
    }

    /// <summary>
    /// The doer: the agent after "by" ("proposed by the US", "were killed by Ukrainian shelling"), else the nearest name
    /// before the trigger that is not a place after a preposition, not the source after "according to", and, for a
    /// place, one that can act (a country or a seat of power). For a transitive trigger in the passive ("soldiers had
    /// been captured", "soldiers allegedly captured as prisoners") the name before it is the target, never the doer.
    /// </summary>
    private TextSpan? ActorOf(SentenceTokens s, PhraseMatch<Trigger> m, int segStart, int segEnd, TextSpan? place, TextSpan? speaker,
        bool transitive, List<TextSpan> targets)
    {
        // "a ceasefire, to which Ukraine has agreed": the doer inside a phrase with gaps
        for (var t = m.First + 1; t < m.Last; t++)
            if (s.MentionOf(t) is { } inside && (inside.Type != "LOC" || Lexicon.Parties.Contains(inside.Span.In(s.Text)))) return inside.Span;
        var j = m.First - 1;
        while (j >= 0 && Adverbs.Contains(s[j])) j--;
        var progressive = s[m.First].EndsWith("ing", StringComparison.OrdinalIgnoreCase);
        var auxiliary = j >= 0 && Passive.Contains(s[j]) && !progressive;
        // "soldiers allegedly captured as prisoners": a participle after its noun, followed by no object
        var reduced = transitive && !auxiliary && j >= 0 && !s.Is(j, "had") && !s.Is(j + 1, "had") && IsParticiple(s[m.Last])
            && (m.Last + 1 >= segEnd || PassiveFollowers.Contains(s[m.Last + 1])) && (s.MentionAt[j] >= 0 || Lexicon.People.Contains(s[j])
                || (s[j].Length > 3 && s[j][^1] == 's' && Lexicon.People.Contains(s[j][..^1])));
        var next = m.Last + 1;
        while (next < segEnd && s[next] is "\"" or "”" or "»" or "'" or "’") next++;
        var passive = auxiliary || reduced || s.Is(next, "by");
        for (var t = m.Last + 1; passive && t < segEnd && t <= m.Last + 8; t++)
        {
            if (!s.Is(t, "by")) continue;
            for (var k = t + 1; k < s.Count && k <= t + 3; k++)
                if (s.MentionAt[k] >= 0)
                {
                    if (transitive && Subject(s, m.First, segStart, place) is { } victim) targets.Add(victim);
                    return s.Covering(k, s.MentionEnd(k));
                }
            break;
        }
        if (transitive && (auxiliary || reduced))
        {
            if (Subject(s, m.First, segStart, place) is { } victim) targets.Add(victim);
            return null;
        }
        var afterAccording = AccordingSpan(s);
        for (var t = m.First - 1; t >= 0; t--)
        {
            if (s.MentionOf(t) is not { } mention) continue;
            var b = s.MentionStart(t);
            var span = s.Covering(b, t);
            var before = b > 0 && s.Is(b - 1, "the") ? b - 2 : b - 1;
            // "captured by Russia during their withdrawal": the agent of an earlier passive is not this trigger's doer
            var locative = before >= 0 && (Locatives.Contains(s[before]) || s.Is(before, "by"));
            var canAct = mention.Type != "LOC" || Lexicon.Parties.Contains(span.In(s.Text));
            // the speaker does what it reports only when the report has no subject of its own: "Ukraine said it had
            // intercepted…", "Ukraine claims to have intercepted…", "the ministry reported having taken…"
            var speaks = speaker is { } who && (who.Contains(span) || span.Contains(who)) && !SpeakerIsSubject(s, t, m.First);
            // "Leontiev said the dam had collapsed after shelling": a name before a speech verb is who tells it
            if (_cues.Any(c => c.First > t && c.Last < m.First && !SpeakerIsSubject(s, c.Last, m.First))) return null;
            if (!locative && canAct && span != place && !speaks && !(afterAccording is { } a && a.Contains(span))) return span;
            t = b;
        }
        return null;
    }

    private static bool IsParticiple(ReadOnlySpan<char> word) =>
        word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || word.EndsWith("en", StringComparison.OrdinalIgnoreCase)
        || word.Equals("shot", StringComparison.OrdinalIgnoreCase) || word.Equals("hit", StringComparison.OrdinalIgnoreCase)
        || word.Equals("struck", StringComparison.OrdinalIgnoreCase) || word.Equals("held", StringComparison.OrdinalIgnoreCase);

    /// <summary>The subject of a passive: the nearest name before the trigger in its clause that is not its place.</summary>
    private static TextSpan? Subject(SentenceTokens s, int trigger, int segStart, TextSpan? place)
    {
        for (var t = trigger - 1; t >= segStart && t >= trigger - 8; t--)
        {
            if (s.MentionAt[t] < 0) continue;
            var span = s.Covering(s.MentionStart(t), t);
            return span == place ? null : span;
        }
        return null;
    }

    /// <summary>Words between a speaker and a trigger that make the speaker the trigger's subject: a pronoun, an infinitive, a gerund.</summary>
    private static readonly HashSet<string> SpeakerAsSubject = new(StringComparer.OrdinalIgnoreCase) { "it", "they", "we", "he", "she", "its", "their", "our", "his", "her", "to", "having" };
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeakerAsSubjectWords = SpeakerAsSubject.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool SpeakerIsSubject(SentenceTokens s, int from, int to)
    {
        for (var k = from + 1; k < to; k++) if (SpeakerAsSubjectWords.Contains(s[k])) return true;
        return false;
    }

    /// <summary>
    /// The doer, and the side a nationality or country right before it puts it on: "Ukrainian President Volodymyr
    /// Zelensky", "the Ukrainian Armed Forces", "Russia's Ministry of Defence".
    /// </summary>
    private static List<TextSpan> WithSide(SentenceTokens s, TextSpan doer)
    {
        var actors = new List<TextSpan> { doer };
        var first = 0;
        while (first < s.Count && s.Tokens[first].Start < doer.Start) first++;
        if (s.MentionOf(first) is not { Type: "PER" or "ORG" }) return actors;
        for (var t = first - 1; t >= 0 && t >= first - 4; t--)
        {
            if (s.MentionOf(t) is { Type: "MISC" or "LOC" } side) { actors.Add(side.Span); break; }
            if (!char.IsUpper(s[t][0]) && s[t] is not ("'s" or "’s" or "the")) break;
        }
        return actors;
    }

    /// <summary>The words after "according to" up to the next comma: a source, never a doer.</summary>
    private static TextSpan? AccordingSpan(SentenceTokens s)
    {
        for (var t = 0; t + 1 < s.Count; t++)
        {
            if (!s.Is(t, "according") || !s.Is(t + 1, "to")) continue;
            var e = t + 2;
            while (e < s.Count && !Separators.Contains(s[e]) && s[e] is not ".") e++;
            return e > t + 2 ? s.Covering(t + 2, e - 1) : null;
        }
        return null;
    }
}
