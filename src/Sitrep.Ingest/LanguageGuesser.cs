namespace Sitrep.Ingest;

/// <summary>
/// Names the language of a text: Ukrainian and Russian by the letters only each alphabet has, Latin-script languages by
/// their commonest function words. "und" (BCP 47: undetermined) when the evidence is too thin.
/// </summary>
public static class LanguageGuesser
{
    private static readonly (string Code, HashSet<string> Words)[] Latin =
    [
        ("en", Set("the of and to in is that for on with was as by it at from are said has have were this be")),
        ("de", Set("der die und das ist nicht mit den von zu im auf für sich des dem ein eine wurde")),
        ("fr", Set("le la les et des est une du dans pour que qui sur pas au avec il elle sont")),
        ("es", Set("el la los las y de que en un una por con para es del se al lo fue")),
        ("it", Set("il di che e la per un una non sono della del con nel alla gli le")),
        ("pl", Set("i w na nie z się do że to jest o jak po ale przez od")),
    ];

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

        var counts = new int[Latin.Length];
        var words = 0;
        foreach (var range in text.AsSpan(0, limit).SplitAny(" \n\t.,;:!?\"“”()«»"))
        {
            var w = text.AsSpan(0, limit)[range];
            if (w.IsEmpty) continue;
            words++;
            var lower = w.ToString().ToLowerInvariant();
            for (var k = 0; k < Latin.Length; k++) if (Latin[k].Words.Contains(lower)) counts[k]++;
        }
        var best = Array.IndexOf(counts, counts.Max());
        return words > 0 && counts[best] >= Math.Max(2, words / 20) ? Latin[best].Code : "und";
    }

    private static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.Ordinal);
}
