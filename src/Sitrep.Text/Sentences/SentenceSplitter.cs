using Sitrep.Core.Documents;

namespace Sitrep.Text.Sentences;

/// <summary>
/// Splits a body into sentence spans. A line break always ends a sentence (bodies keep one paragraph or headline per line).
/// Inside a line, a full stop, question or exclamation mark ends one unless it closes a known abbreviation or an initial;
/// a full stop glued to the next sentence by bad conversion ("stir.At the time") still ends one.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "brig", "cmdr", "sen", "rep", "gov", "pres",
        "st", "mt", "jr", "sr", "no", "nos", "vol", "fig", "approx", "est", "dept", "univ", "inc", "ltd", "co", "corp", "vs", "etc", "al",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
        "ст", "г", "гг", "им", "тыс", "млн", "млрд", "ул", "пос", "с", "ген",
    };

    private static readonly System.Buffers.SearchValues<char> Marks = System.Buffers.SearchValues.Create("\n.!?…");
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    public static List<TextSpan> Split(string text) => Split(text, 0, text.Length);

    public static List<TextSpan> Split(string text, int start, int end)
    {
        var result = new List<TextSpan>();
        var s = SkipSpace(text, start, end);
        var i = s;
        while (i < end)
        {
            // only line breaks and sentence marks can end a sentence: jump to the next one
            var k = text.AsSpan(i, end - i).IndexOfAny(Marks);
            if (k < 0) break;
            i += k;
            var c = text[i];
            if (c == '\n')
            {
                Emit(text, s, i, result);
                s = i = SkipSpace(text, i + 1, end);
                continue;
            }
            if (EndsSentence(text, i, end, out var after))
            {
                Emit(text, s, after, result);
                s = i = SkipSpace(text, after, end);
                continue;
            }
            i++;
        }
        Emit(text, s, end, result);
        return result;
    }

    private static bool EndsSentence(string text, int i, int end, out int after)
    {
        after = i + 1;
        while (after < end && text[after] is '.' or '!' or '?' or '…') after++;
        // closing quotes and brackets belong to the sentence they close
        while (after < end && text[after] is '"' or '\'' or '”' or '’' or '»' or ')' or ']') after++;
        if (after >= end) return true;
        var next = text[after];
        if (next == '\n') return true;
        if (char.IsWhiteSpace(next))
        {
            var n = SkipSpace(text, after, end);
            if (n >= end) return true;
            var first = text[n];
            if (text[i] == '.' && IsAbbreviationBefore(text, i)) return false;
            // a sentence starts with a capital, a digit or an opening quote; a lower-case word after "." is a continuation
            return char.IsUpper(first) || char.IsDigit(first) || first is '"' or '“' or '«' or '„' or '‘' or '(' or '[' or '•' or '-' or '–' or '—';
        }
        // glued: "stir.At" ends a sentence; "U.S.", "3.5" and "example.com" do not
        if (text[i] != '.' || !char.IsUpper(next) || after + 1 >= end || !char.IsLower(text[after + 1])) return false;
        var w = i;
        while (w > 0 && char.IsLetter(text[w - 1])) w--;
        return i - w >= 2 && char.IsLower(text[i - 1]) && !IsAbbreviationBefore(text, i);
    }

    private static bool IsAbbreviationBefore(string text, int dot)
    {
        var w = dot;
        while (w > 0 && (char.IsLetter(text[w - 1]) || (text[w - 1] == '.' && w - 2 >= 0 && char.IsLetter(text[w - 2])))) w--;
        var word = text.AsSpan(w, dot - w);
        if (word.Length == 0) return false;
        // a single capital is an initial ("Donald J. Trump")
        if (word.Length == 1 && char.IsUpper(word[0])) return true;
        return AbbreviationLookup.Contains(word);
    }

    private static int SkipSpace(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static void Emit(string text, int s, int e, List<TextSpan> result)
    {
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        if (e > s) result.Add(new TextSpan(s, e));
    }
}
