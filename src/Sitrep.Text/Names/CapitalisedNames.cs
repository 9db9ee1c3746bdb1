using Sitrep.Core.Documents;
using Sitrep.Text.Sentences;
using Sitrep.Text.Time;

namespace Sitrep.Text.Names;

/// <summary>
/// Runs of capitalised words ("Vladimir Putin", "Institute for the Study of War") as a cheap stand-in for names.
/// A lone capitalised word opening a sentence counts only if the same text also capitalises it mid-sentence.
/// </summary>
public static class CapitalisedNames
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "the", "de", "von", "van", "al", "bin" };

    // Capitalised only because they open a sentence; never the first word of a name found this way.
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "And", "But", "For", "From", "To", "By", "With", "After", "Before", "Since", "During", "As", "If",
        "When", "While", "According", "However", "Meanwhile", "This", "That", "These", "Those", "His", "Her", "Their", "Its", "Our", "Both", "Neither",
    };

    public static List<TextSpan> Find(string text)
    {
        var candidates = new List<(TextSpan Span, bool SentenceStart, int Words)>();
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var i = sentence.Start;
            var first = true;
            while (i < sentence.End)
            {
                var (ws, we) = NextWord(text, i, sentence.End);
                if (ws < 0) break;
                if (!IsCapitalised(text, ws, we) || IsCalendarWord(text, ws, we) || (first && Openers.Contains(text[ws..we]))) { first = false; i = we; continue; }
                int start = ws, end = we, words = 1, k = we;
                while (true)
                {
                    var (ns, ne) = NextWord(text, k, sentence.End);
                    if (ns < 0 || !OnlySpaceBetween(text, end, ns)) break;
                    if (IsCapitalised(text, ns, ne) && !IsCalendarWord(text, ns, ne)) { end = ne; words++; k = ne; continue; }
                    // up to two connectors may join capitalised words: "Institute for the Study of War"
                    var (cs, ce, gap) = (ns, ne, 0);
                    while (gap < 2 && Connectors.Contains(text[cs..ce]))
                    {
                        var (xs, xe) = NextWord(text, ce, sentence.End);
                        if (xs < 0 || !OnlySpaceBetween(text, ce, xs)) { gap = 3; break; }
                        (cs, ce) = (xs, xe);
                        gap++;
                    }
                    if (gap is 0 or 3 || !IsCapitalised(text, cs, ce) || IsCalendarWord(text, cs, ce)) break;
                    end = ce; words++; k = ce;
                }
                candidates.Add((new TextSpan(start, TrimPossessive(text, start, end)), first, words));
                first = false;
                i = end;
            }
        }
        var midSentence = candidates.Where(c => !c.SentenceStart).Select(c => c.Span.Of(text)).ToHashSet(StringComparer.Ordinal);
        return candidates.Where(c => !c.SentenceStart || c.Words > 1 || midSentence.Contains(c.Span.Of(text)))
            .Select(c => c.Span).Where(s => s.Length > 1).ToList();
    }

    private static (int, int) NextWord(string text, int i, int end)
    {
        while (i < end && !char.IsLetter(text[i])) i++;
        if (i >= end) return (-1, -1);
        var s = i;
        while (i < end && (char.IsLetter(text[i]) || text[i] is '-' or '\'' or '’' && i + 1 < end && char.IsLetter(text[i + 1]))) i++;
        return (s, i);
    }

    private static bool OnlySpaceBetween(string text, int a, int b)
    {
        for (var i = a; i < b; i++) if (text[i] != ' ') return false;
        return b - a == 1;
    }

    private static bool IsCapitalised(string text, int s, int e) => char.IsUpper(text[s]) && e - s >= 1;

    private static bool IsCalendarWord(string text, int s, int e) =>
        CalendarWords.Month(text.AsSpan(s, e - s)) > 0 || CalendarWords.Weekday(text.AsSpan(s, e - s)) is not null;

    private static int TrimPossessive(string text, int start, int end)
    {
        var w = text.AsSpan(start, end - start);
        return w.EndsWith("'s") || w.EndsWith("’s") ? end - 2 : end;
    }
}
