using System.Reflection;

namespace Sitrep.Text.Lexing;

/// <summary>
/// A matching key for the forms of one English word: "kill", "killed", "kills" and "killing" share one, and so do
/// "shoot" and "shot" (irregular forms come from data/morphology/irregular.tsv, built into the program). A key is not a
/// dictionary lemma ("make" → "mak"): it only has to be the same for the forms of a word and differ between words.
/// </summary>
public static class Stems
{
    private static readonly Dictionary<string, string> Irregular = LoadIrregular();

    private static Dictionary<string, string> LoadIrregular()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Sitrep.Text.irregular.tsv")
                           ?? throw new InvalidOperationException("the irregular word forms are missing from the build");
        using var reader = new StreamReader(stream);
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            if (tab > 0) forms.TryAdd(line[..tab], line[(tab + 1)..].Trim());
        }
        return forms;
    }

    public static string Of(string word)
    {
        var w = word.ToLowerInvariant();
        if (Irregular.TryGetValue(w, out var lemma)) return Normalise(lemma);
        if (w.Length < 4 || !w.All(char.IsLetter)) return w;
        if (w.Length > 4 && (w.EndsWith("ies", StringComparison.Ordinal) || w.EndsWith("ied", StringComparison.Ordinal))) w = w[..^3] + "y";
        else if (w.Length >= 6 && w.EndsWith("ing", StringComparison.Ordinal)) w = w[..^3];
        else if (w.Length >= 5 && w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("eed", StringComparison.Ordinal)) w = w[..^2];
        else if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal) || w.EndsWith("ches", StringComparison.Ordinal)
                 || w.EndsWith("xes", StringComparison.Ordinal) || w.EndsWith("zes", StringComparison.Ordinal)) w = w[..^2];
        else if (w[^1] == 's' && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
                 && !w.EndsWith("is", StringComparison.Ordinal)) w = w[..^1];
        return Normalise(w);
    }

    /// <summary>A silent final e and a doubled final consonant come and go with suffixes ("hire/hiring", "stop/stopped").</summary>
    private static string Normalise(string w)
    {
        if (w.Length > 3 && w[^1] == 'e') w = w[..^1];
        if (w.Length > 3 && w[^1] == w[^2] && !"aeiou".Contains(w[^1])) w = w[..^1];
        return w;
    }
}
