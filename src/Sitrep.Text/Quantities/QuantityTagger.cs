using System.Globalization;
using Sitrep.Core.Documents;
using Sitrep.Core.Time;
using Sitrep.Text.Tokens;

namespace Sitrep.Text.Quantities;

/// <summary>
/// Finds numbers and what they count: digits and words ("2,000", "four", "1.5 million", "a billion"), ranges
/// ("60,000-70,000"), modifiers ("about", "more than", "at least", "up to"), parts of a whole ("74 out of 117 drones"),
/// units with conversion ("800-mile" → 1,287 km), money ("$5 billion", "€150 million") and the counted noun, found past
/// adjectives ("77 Ukrainian drones", "four civilian workers"). Numbers that are part of a time expression are left to it.
/// </summary>
public static class QuantityTagger
{
    private static readonly Dictionary<string, double> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["hundred"] = 100, ["dozen"] = 12, ["dozens"] = 24,
        ["hundreds"] = 200, ["thousands"] = 2000, ["millions"] = 2_000_000,
    };

    private static readonly Dictionary<string, double> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100, ["thousand"] = 1_000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000, ["trillion"] = 1_000_000_000_000,
        ["mln"] = 1_000_000, ["bln"] = 1_000_000_000, ["bn"] = 1_000_000_000, ["m"] = 1_000_000, ["k"] = 1_000,
    };

    private static readonly (string[] Words, QuantityModifier Modifier)[] Modifiers =
    [
        (["more", "than"], QuantityModifier.Over), (["over"], QuantityModifier.Over), (["above"], QuantityModifier.Over), (["in", "excess", "of"], QuantityModifier.Over),
        (["at", "least"], QuantityModifier.AtLeast), (["no", "fewer", "than"], QuantityModifier.AtLeast), (["no", "less", "than"], QuantityModifier.AtLeast),
        (["up", "to"], QuantityModifier.UpTo), (["as", "many", "as"], QuantityModifier.UpTo),
        (["fewer", "than"], QuantityModifier.AtMost), (["less", "than"], QuantityModifier.AtMost), (["under"], QuantityModifier.AtMost),
        (["at", "most"], QuantityModifier.AtMost), (["no", "more", "than"], QuantityModifier.AtMost), (["almost"], QuantityModifier.AtMost), (["nearly"], QuantityModifier.AtMost),
        (["about"], QuantityModifier.Approx), (["around"], QuantityModifier.Approx), (["approximately"], QuantityModifier.Approx), (["roughly"], QuantityModifier.Approx),
        (["some"], QuantityModifier.Approx), (["an", "estimated"], QuantityModifier.Approx), (["estimated"], QuantityModifier.Approx), (["~"], QuantityModifier.Approx),
    ];

    /// <summary>Units written as such, with the factor to the unit Sitrep reports (km for lengths, km² for areas).</summary>
    private static readonly Dictionary<string, (string Unit, double Factor)> Measures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["km"] = ("km", 1), ["kilometre"] = ("km", 1), ["kilometres"] = ("km", 1), ["kilometer"] = ("km", 1), ["kilometers"] = ("km", 1),
        ["mile"] = ("km", 1.609344), ["miles"] = ("km", 1.609344), ["m"] = ("m", 1), ["metre"] = ("m", 1), ["metres"] = ("m", 1), ["meter"] = ("m", 1), ["meters"] = ("m", 1),
        ["kg"] = ("kg", 1), ["tonne"] = ("tonne", 1), ["tonnes"] = ("tonne", 1), ["tons"] = ("tonne", 0.907185), ["%"] = ("percent", 1), ["percent"] = ("percent", 1),
        ["per"] = ("", 0), ["hours"] = ("hour", 1), ["hour"] = ("hour", 1),
    };

    private static readonly Dictionary<string, string> Currencies = new(StringComparer.Ordinal)
    {
        ["$"] = "USD", ["€"] = "EUR", ["£"] = "GBP", ["₴"] = "UAH", ["₽"] = "RUB", ["dollars"] = "USD", ["dollar"] = "USD", ["euros"] = "EUR", ["euro"] = "EUR",
        ["hryvnias"] = "UAH", ["hryvnia"] = "UAH", ["rubles"] = "RUB", ["roubles"] = "RUB", ["pounds"] = "GBP",
    };

    private static readonly HashSet<string> SkipWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by", "for", "with", "from", "were", "was", "are", "is", "have", "had", "has",
        "more", "other", "such", "than", "times", "per", "each", "out", "over", "across", "near", "into", "inside", "along", "against", "since",
        "who", "which", "that", "were", "had", "will", "would", "could", "may",
    };

    public static List<Quantity> Tag(string text, IReadOnlyList<TimeExpression> times)
    {
        var tokens = Tokenizer.Tokenize(text);
        var raw = tokens.Select(t => t.Of(text)).ToArray();
        var result = new List<Quantity>();
        for (var i = 0; i < tokens.Count;)
        {
            if (MayStart(raw[i]) && Try(text, tokens, raw, i, times) is { } q) { result.Add(q.Quantity); i = q.Next; }
            else i++;
        }
        return result;
    }

    /// <summary>A quantity starts with a digit, a currency sign, a number word or the first word of a modifier.</summary>
    private static bool MayStart(string t) =>
        char.IsAsciiDigit(t[0]) || Currencies.ContainsKey(t) || Words.ContainsKey(t) || ModifierStarts.Contains(t) || t is "a" or "A" or "an" or "An";

    private static readonly HashSet<string> ModifierStarts = new(Modifiers.Select(m => m.Words[0]), StringComparer.OrdinalIgnoreCase);

    private static (Quantity Quantity, int Next)? Try(string text, List<TextSpan> tokens, string[] raw, int i, IReadOnlyList<TimeExpression> times)
    {
        string T(int k) => k >= 0 && k < raw.Length ? raw[k] : "";
        var start = i;
        var modifier = QuantityModifier.Exact;
        foreach (var (words, m) in Modifiers)
        {
            var matches = true;
            for (var k = 0; k < words.Length && matches; k++) matches = T(i + k).Equals(words[k], StringComparison.OrdinalIgnoreCase);
            if (!matches) continue;
            if (Number(T(i + words.Length)) is null && !Currencies.ContainsKey(T(i + words.Length)) && !T(i + words.Length).Equals("a", StringComparison.OrdinalIgnoreCase)) continue;
            modifier = m;
            i += words.Length;
            break;
        }
        string? currency = null;
        if (Currencies.TryGetValue(T(i), out var cur) && T(i).Length == 1) { currency = cur; i++; }

        // the number: digits or words, optionally scaled ("1.5 million", "a billion")
        var word = T(i);
        double value;
        double? to = null;
        var j = i;
        var hyphenUnit = (string?)null;
        if (Number(word) is { } n) { value = n; j = i + 1; }
        else if (Range(word) is { } r) { (value, to) = r; j = i + 1; }
        else if (HyphenUnit(word) is { } hu) { value = hu.Value; hyphenUnit = hu.Unit; j = i + 1; }
        else if (word.Equals("a", StringComparison.OrdinalIgnoreCase) && Scales.ContainsKey(T(i + 1))) { value = 1; j = i + 1; }
        else return null;
        if (IsTime(tokens[i], times)) return null;
        // a four-digit year is a time expression's business; an ordinal is not a count
        if (word.Length == 4 && word.All(char.IsAsciiDigit) && value is >= 1800 and <= 2100 && currency is null) return null;
        if (Scales.TryGetValue(T(j), out var scale) && hyphenUnit is null) { value *= scale; to *= scale; j++; }
        if (T(j) == "-" && Number(T(j + 1)) is { } upper) { to = upper; j += 2; }

        double? of = null;
        if (T(j).Equals("out", StringComparison.OrdinalIgnoreCase) && T(j + 1).Equals("of", StringComparison.OrdinalIgnoreCase) && Number(T(j + 2)) is { } whole) { of = whole; j += 3; }
        else if (T(j).Equals("of", StringComparison.OrdinalIgnoreCase) && Number(T(j + 1)) is { } whole2 && currency is null) { of = whole2; j += 2; }

        string? unit;
        var end = j;
        if (currency is not null) unit = currency;
        else if (hyphenUnit is not null) unit = hyphenUnit;
        else if (Currencies.TryGetValue(T(j).ToLowerInvariant(), out var named)) { unit = named; end = j + 1; }
        else if (T(j).Equals("square", StringComparison.OrdinalIgnoreCase) && Measures.TryGetValue(T(j + 1), out var area) && area.Unit == "km")
        {
            unit = "km²";
            var f = area.Factor * area.Factor;
            value *= f; to *= f;
            end = j + 2;
        }
        else if (Measures.TryGetValue(T(j), out var measure) && measure.Unit.Length > 0)
        {
            unit = measure.Unit;
            value *= measure.Factor; to *= measure.Factor;
            end = j + 1;
        }
        else (unit, end) = CountedNoun(text, tokens, j);
        if (hyphenUnit is not null && Measures.TryGetValue(hyphenUnit, out var hm)) { unit = hm.Unit; value *= hm.Factor; }
        var last = Math.Max(end, j) - 1;
        return (new Quantity(new TextSpan(tokens[start].Start, tokens[last].End), Round(value), of, unit, modifier, to is { } t ? Round(t) : null), Math.Max(end, j));
    }

    /// <summary>
    /// The noun a number counts, from the plain lower-case words after it (past capitalised adjectives such as
    /// "Ukrainian"): the first when it is already a plural ("three people close to"), else the last of at most two
    /// ("four civilian workers", "one narrow direction").
    /// </summary>
    private static (string? Unit, int End) CountedNoun(string text, List<TextSpan> tokens, int j)
    {
        var k = j;
        if (k < tokens.Count && tokens[k].Of(text) is { Length: > 1 } cap && char.IsUpper(cap[0])
            && k + 1 < tokens.Count && tokens[k + 1].Of(text) is { Length: > 1 } after && char.IsLower(after[0]) && !SkipWords.Contains(after))
            k++;
        var run = new List<int>();
        for (var n = k; n < Math.Min(tokens.Count, k + 2); n++)
        {
            var w = tokens[n].Of(text);
            if (w.Length < 2 || !char.IsLower(w[0]) || !w.All(c => char.IsLetter(c) || c == '-') || SkipWords.Contains(w)) break;
            run.Add(n);
        }
        if (run.Count == 0) return (null, j);
        var first = tokens[run[0]].Of(text);
        var pick = run.Count == 1 || IsPlural(first) ? run[0] : run[^1];
        return (Singular(tokens[pick].Of(text).ToLowerInvariant()), pick + 1);
    }

    private static bool IsPlural(string w) => w is "people" || w.EndsWith("men", StringComparison.Ordinal) || (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal));

    public static string Singular(string w)
    {
        if (w.EndsWith("men", StringComparison.Ordinal)) return w[..^3] + "man";
        if (w == "people") return "person";
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4) return w[..^3] + "y";
        if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal)) return w[..^2];
        if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && w.Length > 3) return w[..^1];
        return w;
    }

    private static double? Number(string t)
    {
        if (t.Length == 0) return null;
        if (Words.TryGetValue(t, out var w)) return w;
        if (!char.IsAsciiDigit(t[0])) return null;
        foreach (var c in t) if (!(char.IsAsciiDigit(c) || c is ',' or '.')) return null;
        // 2,000 and 1,300 are thousands; 10.5 a decimal
        return double.TryParse(t.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static (double, double)? Range(string t)
    {
        var dash = t.IndexOfAny(['-', '–']);
        if (dash <= 0) return null;
        return Number(t[..dash]) is { } a && Number(t[(dash + 1)..]) is { } b && b > a ? (a, b) : null;
    }

    private static (double Value, string Unit)? HyphenUnit(string t)
    {
        var dash = t.IndexOf('-');
        if (dash <= 0 || Number(t[..dash]) is not { } v) return null;
        var unit = t[(dash + 1)..].ToLowerInvariant();
        return unit.Length > 0 && unit.All(char.IsLetter) ? (v, Measures.ContainsKey(unit) ? unit : Singular(unit)) : null;
    }

    private static bool IsTime(TextSpan token, IReadOnlyList<TimeExpression> times)
    {
        foreach (var t in times) if (t.Span.Overlaps(token) && t.Type != TimexType.Duration) return true;
        return false;
    }

    private static double Round(double v) => Math.Round(v, 3);
}
