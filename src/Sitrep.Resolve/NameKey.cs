using System.Globalization;
using System.Text;

namespace Sitrep.Resolve;

/// <summary>
/// A spelling-blind key for names that come from Cyrillic: Ukrainian and Russian letters are romanised one way, and the
/// romanisations the press mixes (national 2010, BGN/PCGN, ISO 9, passport forms) are folded together: zh, dzh, dj and
/// a j after a vowel are one sound; y and i one vowel; yo and e; doubled letters one. A final vowel, which inflection
/// changes ("south of Suji", Суджі), is dropped. Sudzha, Sudzhha, Sudja, Suzha, Suja, Suji and Суджа share "suj".
/// </summary>
public static class NameKey
{
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "h", ['ґ'] = "g", ['д'] = "d", ['е'] = "e", ['є'] = "ye", ['ё'] = "yo", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "y", ['і'] = "i", ['ї'] = "yi", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh",
        ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya", ['\''] = "", ['’'] = "",
    };

    /// <summary>The key of a whole name: each word's key, in order.</summary>
    public static string Of(string name) => string.Join(' ', Words(name).Select(Word).Where(w => w.Length > 0));

    public static IEnumerable<string> Words(string name) =>
        name.Split([' ', '-', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);

    public static string Word(string word)
    {
        // an acronym's doubled letters are its own: USS is not US
        var acronym = word.Length <= 5 && word.All(char.IsUpper) && word.Zip(word.Skip(1)).Any(p => p.First == p.Second);
        var latin = acronym ? Romanise(word) : Collapse(Romanise(word));
        var s = latin
            .Replace("shch", "sch").Replace("dzh", "j").Replace("dj", "j").Replace("zh", "j").Replace("kh", "h").Replace("yo", "e")
            .Replace("ya", "ia").Replace("yu", "iu").Replace("ye", "ie").Replace('w', 'v').Replace('y', 'i').Replace("ck", "k");
        // a j between consonant and vowel is a glide (Kupjansk = Kupiansk); elsewhere it is the zh sound (Suja)
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == 'j' && i > 0 && !IsVowel(s[i - 1]) && i + 1 < s.Length && IsVowel(s[i + 1])) c = 'i';
            if (!acronym && sb.Length > 0 && sb[^1] == c && !char.IsAsciiDigit(c)) continue;
            sb.Append(c);
        }
        // endings that translation and grammar change: Syrskyi/Syrsky/Syrskii, Suji/Sudzha, Kharkiv/Kharkov
        var k = sb.ToString();
        if (k.Length >= 4 && IsVowel(k[^1])) k = k[..^1];
        if (k.Length > 4 && k.EndsWith("ov", StringComparison.Ordinal)) k = k[..^2] + "iv";
        return k;
    }

    private static string Romanise(string word)
    {
        var sb = new StringBuilder(word.Length + 4);
        foreach (var ch in word.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = char.ToLowerInvariant(ch);
            if (Cyrillic.TryGetValue(c, out var r)) sb.Append(r);
            // digits name models apart: Tu-160 is not Tu-22
            else if (char.IsLetter(c) || char.IsAsciiDigit(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Doubled letters as one: "Sudzhha" is a typing slip for "Sudzha".</summary>
    private static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) if (sb.Length == 0 || sb[^1] != c || char.IsAsciiDigit(c)) sb.Append(c);
        return sb.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>Levenshtein distance, for damaged spellings (Syskyi, Kosthenko); stops early past <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit = 3)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var best = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                best = Math.Min(best, cur[j]);
            }
            if (best > limit) return limit + 1;
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
