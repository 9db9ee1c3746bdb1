using Sitrep.Core.Documents;

namespace Sitrep.Text.Tokens;

/// <summary>
/// Splits text into token spans the way CoNLL-2003 does: possessive 's apart ("Russia" "'s"), hyphenated words whole
/// ("Russian-installed", "Iskander-M"), numbers with their separators whole ("2,000", "10.5", "60,000-70,000", "17:40"),
/// abbreviations with their full stop ("U.S.", "Gen.", "a.m."), URLs, e-mail addresses and hashtags whole, and a full
/// stop glued between two sentences ("stir.At") split. One pass, no regular expressions, no strings.
/// </summary>
public static class Tokenizer
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Abbreviations = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "brig", "cmdr", "sen", "rep", "gov", "pres", "st",
        "mt", "jr", "sr", "no", "nos", "vol", "fig", "approx", "est", "dept", "univ", "inc", "ltd", "co", "corp", "vs", "etc", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mln", "bln", "ft", "mi", "km",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    public static List<TextSpan> Tokenize(string text) => Tokenize(text, 0, text.Length);

    public static List<TextSpan> Tokenize(string text, int start, int end)
    {
        var tokens = new List<TextSpan>(Math.Max(8, (end - start) / 5));
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c <= ' ' || (c >= '\u007F' && (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\uFEFF'))) { i++; continue; }
            var e = (c is 'h' or 'H' or 'w' or 'W' ? Url(text, i, end) : null) ?? Word(text, i, end) ?? Number(text, i, end) ?? Tag(text, i, end) ?? Punct(text, i, end);
            tokens.Add(new TextSpan(i, e));
            i = e;
        }
        return tokens;
    }

    private static bool IsWordChar(char c) => c < '\u0080' ? char.IsAsciiLetter(c) : char.IsLetter(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    private static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ';

    private static int? Url(string text, int i, int end)
    {
        var s = text.AsSpan(i, end - i);
        if (!s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !s.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !s.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            return null;
        var e = i;
        while (e < end && !char.IsWhiteSpace(text[e]) && text[e] is not ('"' or '“' or '”' or '«' or '»' or '<' or '>')) e++;
        while (e > i && text[e - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or '\'' or '’') e--;
        return e;
    }

    /// <summary>Letters (and digits inside a word), hyphenated parts, inner apostrophes, abbreviations with dots, e-mail addresses.</summary>
    private static int? Word(string text, int i, int end)
    {
        if (!IsWordChar(text[i])) return null;
        var e = i;
        while (true)
        {
            while (e < end && (char.IsAsciiLetterOrDigit(text[e]) || (text[e] >= '\u0080' && IsWordChar(text[e])))) e++;
            if (e + 1 >= end) break;
            var c = text[e];
            var next = text[e + 1];
            // Russian-installed, Iskander-M, Su-34; O'Brien, d'Ivoire (but not the possessive 's)
            if (c is '-' or '‑' && (IsWordChar(next) || char.IsAsciiDigit(next))) { e += 1; continue; }
            if (IsApostrophe(c) && IsWordChar(next) && !IsPossessive(text, e, end)) { e += 1; continue; }
            // U.S., a.m., e.g.: single letters between dots
            if (c == '.' && IsWordChar(next) && e - i <= 2 && (e + 2 >= end || text[e + 2] == '.' || !IsWordChar(text[e + 2]))) { e += 2; continue; }
            // example.com and other dotted lower-case names; "stir.At" is two sentences
            if (c == '.' && char.IsLower(next) && char.IsLower(text[e - 1]) && e - i >= 2) { e += 1; continue; }
            if (c == '@' && IsWordChar(next)) { e += 1; continue; }
            break;
        }
        if (e < end && text[e] == '.')
        {
            var word = text.AsSpan(i, e - i);
            var dotted = word.Contains('.');
            if (dotted || Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]))) e++;
        }
        return e;
    }

    private static bool IsPossessive(string text, int apostrophe, int end) =>
        apostrophe + 1 < end && text[apostrophe + 1] is 's' or 'S' && (apostrophe + 2 >= end || !IsWordChar(text[apostrophe + 2]));

    /// <summary>2,000; 10.5; 60,000-70,000; 17:40; 2025-03-13; 13.03.2025; and with a glued word: 7th, 1990s, 800-mile.</summary>
    private static int? Number(string text, int i, int end)
    {
        if (!char.IsAsciiDigit(text[i])) return null;
        var e = i;
        while (true)
        {
            while (e < end && char.IsAsciiDigit(text[e])) e++;
            if (e + 1 < end && text[e] is ',' or '.' or ':' or '/' or '-' or '–' && char.IsAsciiDigit(text[e + 1])) { e++; continue; }
            break;
        }
        // 7th, 1990s, 800-mile, 4x4
        if (e < end && (IsWordChar(text[e]) || (text[e] == '-' && e + 1 < end && IsWordChar(text[e + 1]))))
        {
            if (text[e] == '-') e++;
            while (e < end && (IsWordChar(text[e]) || char.IsAsciiDigit(text[e]) || (text[e] == '-' && e + 1 < end && IsWordChar(text[e + 1])))) e++;
        }
        return e;
    }

    private static int? Tag(string text, int i, int end)
    {
        if (text[i] is not ('#' or '@') || i + 1 >= end || !(IsWordChar(text[i + 1]) || char.IsAsciiDigit(text[i + 1]))) return null;
        var e = i + 1;
        while (e < end && (IsWordChar(text[e]) || char.IsAsciiDigit(text[e]) || text[e] == '_')) e++;
        return e;
    }

    private static int Punct(string text, int i, int end)
    {
        var c = text[i];
        if (IsApostrophe(c) && IsPossessive(text, i, end)) return i + 2;
        var e = i + 1;
        // runs: ... -- ?! and a surrogate pair
        if (c is '.' or '-' or '!' or '?') while (e < end && text[e] == c) e++;
        else if (char.IsHighSurrogate(c) && e < end) e++;
        return e;
    }
}
