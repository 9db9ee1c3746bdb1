namespace Sitrep.Ingest.Html;

/// <summary>
/// Caps how deep a page's elements nest before the parser sees it. A tree builder checks its stack of open elements at
/// every tag, so a page of 100,000 nested divs costs it minutes; browsers cap the depth for the same reason (Blink at
/// 512). Start tags past the cap, and as many end tags after them, are dropped; their text stays. Real pages never come
/// near the cap, and for them the text is returned as it is, without a copy.
/// </summary>
public static class NestingGuard
{
    public const int MaxDepth = 512;

    // elements that never hold others, or whose end tag is implied by the next sibling: they add no depth
    private static readonly HashSet<string> Flat = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
    };

    // elements whose content is text up to their end tag, not markup
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FlatNames = Flat.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RawTextNames = RawText.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Limit(string html, int maxDepth = MaxDepth)
    {
        var s = html.AsSpan();
        if (s.Count('<') <= maxDepth) return html;
        System.Text.StringBuilder? output = null;
        int depth = 0, excess = 0, copied = 0, i = 0;
        while (i < s.Length && s[i..].IndexOf('<') is var k and >= 0)
        {
            i += k;
            var rest = s[i..];
            if (rest.StartsWith("<!--")) { i = Skip(s, i + 4, "-->"); continue; }
            if (rest.Length < 2) break;
            var end = rest[1] == '/';
            var nameStart = i + (end ? 2 : 1);
            if (nameStart >= s.Length || !char.IsAsciiLetter(s[nameStart]))
            {
                i = rest[1] is '!' or '?' ? Skip(s, i + 2, ">") : i + 1;
                continue;
            }
            var nameEnd = nameStart;
            while (nameEnd < s.Length && (char.IsAsciiLetterOrDigit(s[nameEnd]) || s[nameEnd] == '-')) nameEnd++;
            var tagEnd = TagEnd(s, nameEnd);
            var name = s[nameStart..nameEnd];
            var drop = false;
            if (end)
            {
                if (excess > 0) { excess--; drop = true; }
                else if (AddsDepth(name)) depth = Math.Max(0, depth - 1);
            }
            else if (AddsDepth(name) && s[tagEnd - 2] != '/')
            {
                if (depth >= maxDepth) { excess++; drop = true; }
                else depth++;
            }
            if (drop)
            {
                output ??= new System.Text.StringBuilder(html.Length);
                output.Append(s[copied..i]);
                copied = tagEnd;
            }
            i = !end && RawTextNames.Contains(name) ? Skip(s, tagEnd, string.Concat("</", name)) : tagEnd;
        }
        if (output is null) return html;
        output.Append(s[copied..]);
        return output.ToString();
    }

    // raw-text elements hold no elements, so they add no depth either
    private static bool AddsDepth(ReadOnlySpan<char> name) => !FlatNames.Contains(name) && !RawTextNames.Contains(name);

    private static int Skip(ReadOnlySpan<char> s, int from, string until)
    {
        if (from >= s.Length) return s.Length;
        var k = s[from..].IndexOf(until, StringComparison.OrdinalIgnoreCase);
        return k < 0 ? s.Length : from + k + (until[0] == '<' ? 0 : until.Length);
    }

    /// <summary>Just past the tag's closing '>', with quoted attribute values skipped whole.</summary>
    private static int TagEnd(ReadOnlySpan<char> s, int from)
    {
        char quote = '\0';
        for (var j = from; j < s.Length; j++)
        {
            var c = s[j];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') return j + 1;
        }
        return s.Length;
    }
}
