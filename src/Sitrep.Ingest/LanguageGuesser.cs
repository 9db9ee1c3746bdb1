namespace Sitrep.Ingest;

/// <summary>
/// Names the language of a text: Ukrainian and Russian by the letters only each alphabet has, Latin-script languages by
/// their commonest function words. "und" (BCP 47: undetermined) when the evidence is too thin.
/// </summary>
public static class LanguageGuesser
{
    private static readonly (string Code, string Words)[] Latin =
    [
        ("en", "the of and to in is that for on with was as by it at from are said has have were this be"),
        ("de", "der die und das ist nicht mit den von zu im auf für sich des dem ein eine wurde"),
        ("fr", "le la les et des est une du dans pour que qui sur pas au avec il elle sont"),
        ("es", "el la los las y de que en un una por con para es del se al lo fue"),
        ("it", "il di che e la per un una non sono della del con nel alla gli le"),
        ("pl", "i w na nie z się do że to jest o jak po ale przez od"),
    ];

    // Each function word maps to a bit per language that uses it: one lookup a word, whatever the number of languages.
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> FunctionWords = BuildFunctionWords();

    public static string Guess(string text)
    {
        int cyrillic = 0, latin = 0, ukOnly = 0, ruOnly = 0;
        var limit = Math.Min(text.Length, 20_000);
        for (var i = 0; i < limit; i++)
        {
            var c = text[i];
            if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
                if (c is 'і' or 'ї' or 'є' or 'ґ' or 'І' or 'Ї' or 'Є' or 'Ґ') ukOnly++;
                else if (c is 'ы' or 'э' or 'ъ' or 'ё' or 'Ы' or 'Э' or 'Ё') ruOnly++;
            }
            else if (char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F') latin++;
        }
        if (cyrillic + latin < 20) return "und";
        if (cyrillic > latin) return ukOnly > ruOnly ? "uk" : ruOnly > 0 ? "ru" : "und";

        Span<int> counts = stackalloc int[Latin.Length];
        var words = 0;
        var span = text.AsSpan(0, limit);
        var p = 0;
        while (p < span.Length && words < 2000)
        {
            while (p < span.Length && !char.IsLetter(span[p])) p++;
            var start = p;
            while (p < span.Length && char.IsLetter(span[p])) p++;
            if (p == start) break;
            words++;
            if (p - start <= 6 && FunctionWords.TryGetValue(span[start..p], out var mask))
                for (var k = 0; k < Latin.Length; k++) if ((mask & (1 << k)) != 0) counts[k]++;
        }
        var best = 0;
        for (var k = 1; k < Latin.Length; k++) if (counts[k] > counts[best]) best = k;
        return words > 0 && counts[best] >= Math.Max(2, words / 20) ? Latin[best].Code : "und";
    }

    private static Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> BuildFunctionWords()
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < Latin.Length; k++)
            foreach (var w in Latin[k].Words.Split(' '))
                d[w] = d.GetValueOrDefault(w) | (1 << k);
        return d.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
