using System.Globalization;
using System.Reflection;
using Sitrep.Core.Time;

namespace Sitrep.Text.Time;

/// <summary>A fixed phrase of data/time/*/phrases.tsv: its words (alternatives per position), its type and its value template.</summary>
public sealed record TimePhrase(string[][] Words, TimexType Type, string Value);

/// <summary>
/// The words and phrases of data/time (see its README), every language's files together: month and weekday names,
/// numbers, units, tense cues, named sets of context words, relative words and fixed phrases. Built into the
/// assembly, so the tagger needs no path; <see cref="Parse"/> reads any set of files (for tests and new languages).
/// </summary>
public sealed class TimeLexicon
{
    public static readonly TimeLexicon Default = Embedded();

    public Dictionary<string, int> Months { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Month names that are also common words ("may", "march"): they count only when capitalised.</summary>
    public HashSet<string> CapitalisedMonths { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Weekday names and their <see cref="DayOfWeek"/> as a number.</summary>
    public Dictionary<string, int> Weekdays { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, int> Numbers { get; } = new(StringComparer.Ordinal);
    /// <summary>Counts that leave the number open ("several").</summary>
    public HashSet<string> Vague { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> Ordinals { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, (string Code, bool Time)> Units { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Seasons { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> Decades { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> PartsOfDay { get; } = new(StringComparer.Ordinal);
    /// <summary>Relative offsets: last −1, this 0, next +1.</summary>
    public Dictionary<string, int> Offsets { get; } = new(StringComparer.Ordinal);
    /// <summary>Words that take a part of a time: early START, late END, mid MID.</summary>
    public Dictionary<string, string> Parts { get; } = new(StringComparer.Ordinal);
    /// <summary>Words after a span that make it a date counted from the article: "three days ago" −1, "hence" +1.</summary>
    public Dictionary<string, int> Ago { get; } = new(StringComparer.Ordinal);
    /// <summary>As <see cref="Ago"/>, only when nothing follows ("30 days before" but not "30 days before the vote").</summary>
    public Dictionary<string, int> AgoAtEnd { get; } = new(StringComparer.Ordinal);
    /// <summary>Fixed phrases by their possible first words, longest first.</summary>
    public Dictionary<string, List<TimePhrase>> Phrases { get; } = new(StringComparer.Ordinal);

    private readonly Dictionary<string, HashSet<string>> sets = new(StringComparer.Ordinal);

    /// <summary>A named set of cues.tsv or tense.tsv ("year-before", "future"); a name no file defines is an error.</summary>
    public HashSet<string> Set(string name) =>
        sets.TryGetValue(name, out var s) ? s : throw new InvalidDataException($"data/time: no word set named '{name}' in cues.tsv or tense.tsv");

    private static TimeLexicon Embedded()
    {
        var assembly = typeof(TimeLexicon).Assembly;
        var files = assembly.GetManifestResourceNames().Where(n => n.StartsWith("time/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(n => (n, Read(assembly, n))).ToList();
        return Parse(files);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads files named as in data/time ("en/months.tsv"): the file name says what a file holds.</summary>
    public static TimeLexicon Parse(IEnumerable<(string Name, string Text)> files)
    {
        var lexicon = new TimeLexicon();
        foreach (var (name, text) in files)
        {
            var kind = Path.GetFileNameWithoutExtension(name);
            var line = 0;
            foreach (var raw in text.Split('\n'))
            {
                line++;
                var row = raw.TrimEnd('\r');
                if (row.Length == 0 || row.StartsWith('#')) continue;
                var f = row.Split('\t');
                try { lexicon.Add(kind, f); }
                catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentException)
                {
                    throw new InvalidDataException($"data/time/{name}, line {line}: {e.Message} ('{row}')", e);
                }
            }
        }
        foreach (var list in lexicon.Phrases.Values) list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        return lexicon;
    }

    private void Add(string kind, string[] f)
    {
        var words = f[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (kind)
        {
            case "months":
                foreach (var w in words) Months[w] = Int(f[0]);
                if (f.Length > 2) CapitalisedMonths.UnionWith(f[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                break;
            case "weekdays":
                foreach (var w in words) Weekdays[w] = Int(f[0]) % 7;
                break;
            case "numbers":
                if (f[1] == "?") Vague.Add(f[0]); else Numbers[f[0]] = Int(f[1]);
                break;
            case "ordinals": Ordinals[f[0]] = Int(f[1]); break;
            case "units": Units[f[0]] = (f[1], f[2] == "clock"); break;
            case "seasons": Seasons[f[0]] = f[1]; break;
            case "decades": Decades[f[0]] = Int(f[1]); break;
            case "parts-of-day": PartsOfDay[f[0]] = f[1]; break;
            case "tense" or "cues":
                if (!sets.TryGetValue(f[0], out var set)) sets[f[0]] = set = new HashSet<string>(StringComparer.Ordinal);
                set.UnionWith(words);
                break;
            case "relative":
                if (f[0] == "offset") Offsets[f[1]] = Int(f[2]);
                else if (f[0] == "part") Parts[f[1]] = f[2];
                else if (f[0] == "ago") Ago[f[1]] = Int(f[2]);
                else if (f[0] == "ago-at-end") AgoAtEnd[f[1]] = Int(f[2]);
                else throw new FormatException($"unknown kind '{f[0]}' (offset, part, ago or ago-at-end)");
                break;
            case "phrases":
                var phrase = new TimePhrase(f[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('|')).ToArray(),
                    f[1] switch { "DATE" => TimexType.Date, "TIME" => TimexType.Time, "DURATION" => TimexType.Duration, "SET" => TimexType.Set, _ => throw new FormatException($"unknown type '{f[1]}'") },
                    f[2]);
                foreach (var first in phrase.Words[0])
                {
                    if (!Phrases.TryGetValue(first, out var list)) Phrases[first] = list = [];
                    list.Add(phrase);
                }
                break;
            default: throw new FormatException($"unknown kind of file '{kind}'");
        }
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
