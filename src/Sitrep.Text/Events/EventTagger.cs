using Sitrep.Core.Documents;
using Sitrep.Core.Events;
using Sitrep.Core.Time;
using Sitrep.Text.Patterns;
using Sitrep.Text.Sentences;

namespace Sitrep.Text.Events;

/// <summary>
/// Finds the events a sentence reports: a trigger phrase from data/events, not under negation, condition or modality,
/// with what its clause says about it. The clause is the stretch between commas, dashes and semicolons around the
/// trigger; the doer is the nearest name before the trigger (the agent after "by" in the passive), the place the first
/// place after it (or a place after "in", "near"… before it, or "the city" after a named town), the date the nearest
/// calendar expression in the clause (not a deadline after "by" or "until"), else one opening the sentence ("On 12
/// March, …"), else the day "the same day" points back to. One tagger per thread: it keeps buffers.
/// </summary>
public sealed partial class EventTagger(EventLexicon lexicon, PhraseSet<Claims.ClaimCue>? cues = null)
{
    private static readonly WordSet Separators = new(",", ";", ":", "(", ")", "–", "—", "but", "while", "whereas", "although", "since", "because", "when", "after");
    private static readonly WordSet Locatives = new("in", "at", "near", "over", "into", "to", "from", "around", "outside", "across", "towards", "toward",
        "of", "on", "inside", "within", "beyond", "northeast", "northwest", "southeast", "southwest", "north", "south", "east", "west");
    // "since 2022" starts a state, it does not date the event
    private static readonly WordSet Deadlines = new("by", "until", "till", "before", "within", "since");
    private static readonly WordSet Passive = new("was", "were", "been", "be", "is", "are", "being");
    private static readonly WordSet Adverbs = new("also", "reportedly", "allegedly", "successfully", "already", "then", "later", "finally", "previously",
        "recently", "just", "have", "has", "had");
    private static readonly WordSet TownWords = new("city", "town", "village", "settlement");

    private static readonly WordSet PassiveFollowers = new("by", "as", "in", "at", "during", "near", "on", "after", "while", "amid", "following",
        "when", "before", "from", ".", ",", ";");

    private readonly List<PhraseMatch<Trigger>> _matches = [];

    /// <summary>The lexicon, for the part of the class that reads arguments.</summary>
    private EventLexicon Lexicon => lexicon;
    private readonly List<PhraseMatch<Claims.ClaimCue>> _cues = [];
    private readonly List<(string Type, TextSpan? Actor)> _found = [];

    /// <summary>What a document's earlier sentences leave for later ones: the last named town, day, target and names by their head noun.</summary>
    public sealed class Context
    {
        internal (TextSpan Span, int Sentence)? LastTown;
        internal TextSpan? LastDay;
        internal (TextSpan Span, int Sentence)? LastTarget;
        /// <summary>"Kakhovka dam" under "dam": what "the dam" points back to.</summary>
        internal readonly Dictionary<string, TextSpan> Heads = new(StringComparer.OrdinalIgnoreCase);
    }

    /// <param name="times">The document's time expressions in text order.</param>
    /// <param name="quantities">The document's quantities in text order.</param>
    /// <param name="claim">The index of the sentence's claim among the document's claims.</param>
    /// <param name="speaker">Who the sentence's claim credits: the one who says it, never the one who does it ("Peskov said the attack…").</param>
    public void Tag(SentenceTokens s, IReadOnlyList<TimeExpression> times, IReadOnlyList<Quantity> quantities, int claim, Context context, List<EventMention> into,
        TextSpan? speaker = null)
    {
        _matches.Clear();
        _found.Clear();
        lexicon.Triggers.Match(s.Text, s.Tokens, 0, s.Count, _matches);
        _cues.Clear();
        cues?.Match(s.Text, s.Tokens, 0, s.Count, _cues);
        var sentenceTimes = Within(times, s.Span, t => t.Span);
        foreach (var m in _matches)
        {
            var (segStart, segEnd) = Segment(s, m.First, m.Last, sentenceTimes);
            if (Blocked(s, segStart, m.First)) continue;
            var clause = s.Covering(segStart, segEnd - 1);
            if (IncludingFollows(s, segEnd) is { } widened) clause = new TextSpan(clause.Start, s.Tokens[widened].End);
            var place = PlaceOf(s, m, segStart, segEnd, context);
            var counted = Within(quantities, clause, q => q.Span);
            var people = counted.Any(q => q.Unit is { } u && lexicon.People.Contains(u));
            var needs = m.Value.Needs;
            if ((needs.HasFlag(TriggerNeeds.Place) && place is null)
                || (needs.HasFlag(TriggerNeeds.People) && !people && !PeopleIn(s, segStart, segEnd))
                || (needs.HasFlag(TriggerNeeds.NoPeople) && (people || PeopleFollow(s, m.Last, segEnd)))
                || (needs.HasFlag(TriggerNeeds.Quantity) && counted.Count == 0)
                || (needs.HasFlag(TriggerNeeds.Person) && !HasPerson(s))
                || (needs.HasFlag(TriggerNeeds.Speaker) && !IsNamed(s, speaker)))
                continue;
            TextSpan? actor;
            var targets = new List<TextSpan>();
            if (needs.HasFlag(TriggerNeeds.Speaker)) actor = speaker;
            else
            {
                actor = ActorOf(s, m, segStart, segEnd, place, speaker, needs.HasFlag(TriggerNeeds.Transitive), targets);
                if (needs.HasFlag(TriggerNeeds.Transitive) && targets.Count == 0 && TargetAfter(s, m, segEnd, place, context) is { } target) targets.Add(target);
            }
            // one report per type and doer in a clause: "Russian troops blew up the dam; Ukraine shelled it" are two doers
            if (_found.Any(f => f.Type == m.Value.Type && (f.Actor is null || actor is null || f.Actor == actor))) continue;
            _found.Add((m.Value.Type, actor));
            if (targets.Count > 0) context.LastTarget = (targets[0], s.Index);
            into.Add(new EventMention(m.Value.Type, s.Covering(m.First, m.Last), s.Span, actor is { } a ? WithSide(s, a) : [], place,
                TimeOf(s, sentenceTimes, segStart, segEnd, m.First, context), [.. counted.Select(q => q.Span)], claim)
            {
                Targets = targets,
            });
        }
        Remember(s, sentenceTimes, context);
    }

    private bool Blocked(SentenceTokens s, int segStart, int trigger)
    {
        for (var t = trigger - 1; t >= segStart; t--)
        {
            if (lexicon.ClauseBlockers.Contains(s[t])) return true;
            if (trigger - t <= 5 && (lexicon.Blockers.Contains(s[t]) || s[t].EndsWith("n't", StringComparison.OrdinalIgnoreCase))) return true;
        }
        return false;
    }

    /// <summary>The first and last token (exclusive) of the clause around a trigger.</summary>
    private static (int Start, int End) Segment(SentenceTokens s, int first, int last, List<TimeExpression> times)
    {
        var start = first;
        while (start > 0 && !IsSeparator(s, start - 1, times)) start--;
        var end = last + 1;
        while (end < s.Count && !IsSeparator(s, end, times)) end++;
        return (start, end);
    }

    /// <summary>A clause boundary, but not the comma inside "March 11, 2025".</summary>
    private static bool IsSeparator(SentenceTokens s, int t, List<TimeExpression> times)
    {
        if (!Separators.Contains(s[t])) return false;
        foreach (var time in times)
            if (time.Span.Contains(s.Tokens[t])) return false;
        return true;
    }

    /// <summary>"77 drones, including 30 over Bryansk": the last token of an "including" clause right after the clause.</summary>
    private static int? IncludingFollows(SentenceTokens s, int segEnd)
    {
        if (segEnd + 1 >= s.Count || !s.Is(segEnd + 1, "including")) return null;
        var e = segEnd + 1;
        while (e + 1 < s.Count && !(s[e + 1] is "." or ";")) e++;
        return e;
    }

    /// <summary>"captured soldiers": people named right after the trigger without a number.</summary>
    private bool PeopleFollow(SentenceTokens s, int last, int segEnd)
    {
        for (var t = last + 1; t < segEnd && t <= last + 3; t++)
            if (lexicon.People.Contains(s[t]) || (s[t].Length > 3 && s[t][^1] == 's' && lexicon.People.Contains(s[t][..^1]))) return true;
        return false;
    }

    private TextSpan? PlaceOf(SentenceTokens s, PhraseMatch<Trigger> m, int segStart, int segEnd, Context context)
    {
        for (var t = m.Last + 1; t < segEnd; t++)
        {
            if (s.MentionOf(t) is not { Type: "LOC" }) continue;
            var e = s.MentionEnd(t);
            // "proposed by the US": an agent, not a place
            if (s.Is(t - 1, "by") || (s.Is(t - 1, "the") && s.Is(t - 2, "by"))) { t = e; continue; }
            // "… and Moscow rejected": a country or seat of power is a place only after a preposition
            var lead = s.Is(t - 1, "the") ? t - 2 : t - 1;
            if (lexicon.Parties.Contains(s.Covering(t, e).In(s.Text)) && !(lead >= 0 && Locatives.Contains(s[lead]))) { t = e; continue; }
            // "Russia's Kursk region": the possessed place is the nearer one
            if (e + 2 < segEnd && s[e + 1] is "'s" or "’s" && s.MentionOf(e + 2) is { Type: "LOC" }) return s.Covering(e + 2, s.MentionEnd(e + 2));
            var first = s.Covering(t, e);
            // "in Ukraine, in the town of Avdiivka": a country gives way to a place inside it named in the same clause
            if (lexicon.Parties.Contains(first.In(s.Text)))
                for (var k = e + 1; k < segEnd; k++)
                    if (s.MentionOf(k) is { Type: "LOC" } other && !lexicon.Parties.Contains(other.Span.In(s.Text)) && !s.Is(k - 1, "by"))
                        return s.Covering(k, s.MentionEnd(k));
            return first;
        }
        for (var t = m.First - 1; t >= segStart && t >= m.First - 8; t--)
        {
            if (s.MentionOf(t) is not { Type: "LOC" }) continue;
            var b = s.MentionStart(t);
            var before = b > 0 && s.Is(b - 1, "the") ? b - 2 : b - 1;
            if (before >= 0 && Locatives.Contains(s[before])) return s.Covering(b, t);
            t = b;
        }
        for (var t = segStart; t + 1 < segEnd; t++)
            if (s.Is(t, "the") && TownWords.Contains(s[t + 1]) && !s.Is(t + 2, "of") && context.LastTown is { } town && s.Index - town.Sentence <= 5)
                return town.Span;
        return null;
    }

    private static TextSpan? TimeOf(SentenceTokens s, List<TimeExpression> times, int segStart, int segEnd, int trigger, Context context)
    {
        var clause = s.Covering(segStart, segEnd - 1);
        var triggerAt = s.Tokens[trigger].Start;
        TimeExpression? best = null;
        foreach (var t in times)
        {
            if (!clause.Contains(t.Span) || !IsCalendar(t) || IsDeadline(s, t.Span)) continue;
            if (best is null || Math.Abs(t.Span.Start - triggerAt) < Math.Abs(best.Value.Span.Start - triggerAt)) best = t;
        }
        if (best is { } found) return found.Span;
        // "On 12 March, the ministry reported that it had taken control of…", "Meanwhile, on 11 March, Kyiv agreed…":
        // a short clause before the trigger's that holds a date dates the rest of the sentence
        for (var separator = segStart - 1; separator > 0;)
        {
            var (start, _) = Segment(s, separator - 1, separator - 1, times);
            var span = s.Covering(start, separator - 1);
            if (separator - start <= 9)
                foreach (var t in times)
                    if (span.Contains(t.Span) && IsCalendar(t) && !IsDeadline(s, t.Span)) return t.Span;
            separator = start - 1;
        }
        for (var t = 0; t + 2 < s.Count; t++)
            if ((s.Is(t, "same") || s.Is(t, "that")) && s.Is(t + 1, "day")) return context.LastDay;
        return null;
    }

    /// <summary>A date on the calendar, or one still waiting for its year ("XXXX-08-07", until the collection dates the article).</summary>
    private static bool IsCalendar(TimeExpression t) => t.Type is TimexType.Date or TimexType.Time && t.Value.Length >= 4 && (char.IsAsciiDigit(t.Value[0]) || t.Value[0] == 'X');

    /// <summary>"by October 1", "until Friday": the word before the expression, or its own first word, is a deadline word.</summary>
    private static bool IsDeadline(SentenceTokens s, TextSpan time)
    {
        var before = s.Text.AsSpan(s.Span.Start, time.Start - s.Span.Start).TrimEnd();
        var own = time.In(s.Text);
        var space = own.IndexOf(' ');
        return Deadlines.Contains(before[(before.LastIndexOf(' ') + 1)..]) || (space > 0 && Deadlines.Contains(own[..space]));
    }

    private static bool HasPerson(SentenceTokens s)
    {
        foreach (var i in s.MentionAt)
            if (i >= 0 && s.Mentions[i].Type == "PER") return true;
        return false;
    }

    private static void Remember(SentenceTokens s, List<TimeExpression> times, Context context)
    {
        // a name of several words under its last, head noun: "the Kakhovka dam" is what "the dam" points back to
        for (var k = 0; k < s.Count; k++)
        {
            if (s.MentionAt[k] < 0) continue;
            var e = s.MentionEnd(k);
            if (s.MentionOf(k) is { Type: "LOC" or "ORG" or "MISC" })
            {
                if (e > k) context.Heads[s[e].ToString()] = s.Covering(k, e);
                // "the Kakhovka dam" where the name is "Kakhovka": the common noun after it is its head
                else if (e + 1 < s.Count && s[e + 1] is { Length: > 2 } next && char.IsLower(next[0]) && IsWord(next))
                    context.Heads[next.ToString()] = s.Covering(k, e);
            }
            k = e;
        }
        foreach (var t in times)
            if (t.Type == TimexType.Date && t.Value.Length == 10 && IsCalendar(t)) context.LastDay = t.Span;
        for (var k = 0; k < s.Count; k++)
        {
            if (s.MentionOf(k) is not { Type: "LOC" }) continue;
            var e = s.MentionEnd(k);
            // "the city of Sudzha", "Sudzha, a town close to the border": a named town that "the city" can point back to
            var named = (k >= 2 && TownWords.Contains(s[k - 2]) && s.Is(k - 1, "of"))
                || (e + 3 < s.Count && s[e + 1] is "," && s.Is(e + 2, "a") && TownWords.Contains(s[e + 3]));
            if (named) context.LastTown = (s.Covering(k, e), s.Index);
            k = e;
        }
    }

    private static bool IsWord(ReadOnlySpan<char> token)
    {
        foreach (var c in token) if (!char.IsLetter(c)) return false;
        return true;
    }

    /// <summary>The items of a text-ordered list whose spans lie inside <paramref name="span"/>.</summary>
    private static List<T> Within<T>(IReadOnlyList<T> items, TextSpan span, Func<T, TextSpan> spanOf)
    {
        var result = new List<T>();
        int lo = 0, hi = items.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (spanOf(items[mid]).Start < span.Start) lo = mid + 1; else hi = mid;
        }
        for (var i = lo; i < items.Count && spanOf(items[i]).Start < span.End; i++)
            if (span.Contains(spanOf(items[i]))) result.Add(items[i]);
        return result;
    }
}
