using System.Text;
using Sitrep.Core.Documents;
using Sitrep.Core.Time;
using Sitrep.Text.Lexing;
using Sitrep.Text.Time;

namespace Sitrep.Ingest.PlainText;

/// <summary>What an extractor takes from a page: its metadata and the article body, with everything it cut.</summary>
public sealed record ExtractedArticle(string? Title, string? Outlet, string? Author, PartialDate? HeaderDate, string Body, IReadOnlyList<CutText> Cut);

/// <summary>
/// Reads an article copied as text from a web page. The lines above the first paragraph give the outlet, labels, title
/// and date line; a name over "Author" at the end gives the author; page furniture (headline lists with timestamps,
/// "Tags:", "Read also", comment forms, image credits, template residue) is cut and recorded, never silently dropped.
/// </summary>
public static class PlainTextArticleReader
{
    private readonly record struct Line(int Start, int End, string Text, int Words)
    {
        public bool Blank => Text.Length == 0;
    }

    /// <param name="bodyOnly">The text is an article's body alone (a record's text field): there is no headline, outlet or date line to find.</param>
    public static ExtractedArticle Read(string text, bool bodyOnly = false)
    {
        var lines = SplitLines(text);
        var cut = new CutReason?[lines.Count];
        string? title = null, outlet = null, author = null;
        PartialDate? headerDate = null;

        var bodyFrom = bodyOnly ? 0 : ReadHeader(lines, cut, ref title, ref outlet, ref author, ref headerDate);
        CutHeadlineLists(text, lines, cut, bodyFrom);
        CutTrailingFurniture(lines, cut, bodyFrom);
        author ??= CutTrailingAuthor(lines, cut);
        CutInlineFurniture(lines, cut, bodyFrom, title);

        var body = new StringBuilder(text.Length);
        var cuts = new List<CutText>();
        var blankSince = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.Blank) { blankSince = true; continue; }
            if (cut[i] is { } reason) { cuts.Add(new CutText(l.Start, l.End, reason, l.Text)); continue; }
            if (body.Length > 0) body.Append(blankSince ? "\n\n" : "\n");
            body.Append(l.Text);
            blankSince = false;
        }
        return new ExtractedArticle(title, outlet, author, headerDate, body.ToString(), cuts);
    }

    private static int ReadHeader(List<Line> lines, CutReason?[] cut, ref string? title, ref string? outlet, ref string? author, ref PartialDate? headerDate)
    {
        var seen = 0;
        var i = 0;
        for (; i < lines.Count && seen < 8; i++)
        {
            var l = lines[i];
            if (l.Blank) continue;
            seen++;
            if (AsDateLine(l) is { } date)
            {
                if (headerDate is null) headerDate = date;
                cut[i] = CutReason.DateLine;
            }
            else if (AsTimeLine(l) is { } hm && headerDate is { Hour: null } d)
            {
                headerDate = d with { Hour = hm.Hour, Minute = hm.Minute };
                cut[i] = CutReason.DateLine;
            }
            else if (FurnitureRules.Labels.Contains(FurnitureRules.Key(l.Text))) cut[i] = CutReason.Label;
            else if (AuthorFrom(l.Text) is { } by) { author ??= by; cut[i] = CutReason.Byline; }
            else if (IsImageCredit(l)) cut[i] = CutReason.ImageCredit;
            else if (title is null)
            {
                if (l.Words <= 4 && !EndsSentence(l.Text) && HasTitleBelow(lines, i)) { outlet = l.Text; cut[i] = CutReason.Outlet; }
                else { title = l.Text; cut[i] = CutReason.Title; }
            }
            else break;
        }
        return i;
    }

    private static bool HasTitleBelow(List<Line> lines, int i)
    {
        var looked = 0;
        for (var k = i + 1; k < lines.Count && looked < 4; k++)
        {
            var l = lines[k];
            if (l.Blank) continue;
            looked++;
            if (AsDateLine(l) is not null || FurnitureRules.Labels.Contains(FurnitureRules.Key(l.Text))) continue;
            return l.Words is >= 4 and <= 30 && !l.Text.EndsWith('.');
        }
        return false;
    }

    /// <summary>Runs of "19:58 / headline / 19:45 / headline …": a site's list of other stories.</summary>
    private static void CutHeadlineLists(string text, List<Line> lines, CutReason?[] cut, int from)
    {
        var i = from;
        while (i < lines.Count)
        {
            if (cut[i] is not null || AsTimeLine(lines[i]) is null) { i++; continue; }
            int first = i, last = i, times = 1, between = 0;
            for (var k = i + 1; k < lines.Count; k++)
            {
                var l = lines[k];
                if (l.Blank) continue;
                if (AsTimeLine(l) is not null) { times++; last = k; between = 0; continue; }
                if (l.Words > 25 || ++between > 3) break;
            }
            // the last entry's label and headline follow its time, without a blank line
            for (var k = last + 1; k < lines.Count && k <= last + 2 && !lines[k].Blank && lines[k].Words <= 25; k++) last = k;
            if (times >= 3)
            {
                // the run's date headings ("2024, Wednesday" / "25 December") belong to it
                while (first > from && (lines[first - 1].Blank || IsCalendarHeading(text, lines[first - 1]) || FurnitureRules.Labels.Contains(FurnitureRules.Key(lines[first - 1].Text))))
                    first--;
                for (var k = first; k <= last; k++) if (!lines[k].Blank) cut[k] ??= CutReason.HeadlineList;
            }
            i = last + 1;
        }
    }

    /// <summary>From the first end-of-article marker ("Tags:", "Leave a Reply", "More news" …) after which no real paragraphs follow.</summary>
    private static void CutTrailingFurniture(List<Line> lines, CutReason?[] cut, int from)
    {
        for (var k = from; k < lines.Count; k++)
        {
            var l = lines[k];
            if (l.Blank || !IsTailMarker(l.Text)) continue;
            int prose = 0, rest = 0;
            for (var j = k + 1; j < lines.Count; j++)
            {
                if (lines[j].Blank || cut[j] is not null) continue;
                rest++;
                if (lines[j].Words >= 15 && !IsKnownFurnitureSentence(lines[j].Text)) prose++;
            }
            if (prose <= 1 && prose * 5 <= rest)
            {
                for (var j = k; j < lines.Count; j++) if (!lines[j].Blank) cut[j] ??= CutReason.TrailingFurniture;
                return;
            }
        }
    }

    /// <summary>A name over an "Author" line near the end ("Anastasiia Fedor / Автор"), or "By …" among the last lines.</summary>
    private static string? CutTrailingAuthor(List<Line> lines, CutReason?[] cut)
    {
        var kept = new List<int>();
        for (var k = lines.Count - 1; k >= 0 && kept.Count < 6; k--)
            if (!lines[k].Blank && cut[k] is null or CutReason.TrailingFurniture) kept.Add(k);
        kept.Reverse();
        for (var n = 0; n < kept.Count; n++)
        {
            var l = lines[kept[n]];
            if (n + 1 < kept.Count && FurnitureRules.AuthorLabels.Contains(FurnitureRules.Key(lines[kept[n + 1]].Text)) && LooksLikeName(l.Text))
            {
                cut[kept[n]] = CutReason.Byline;
                cut[kept[n + 1]] = CutReason.Byline;
                return l.Text;
            }
            if (cut[kept[n]] is null && AuthorFrom(l.Text) is { } by) { cut[kept[n]] = CutReason.Byline; return by; }
        }
        return null;
    }

    private static void CutInlineFurniture(List<Line> lines, CutReason?[] cut, int from, string? title)
    {
        string? previous = title;
        for (var k = from; k < lines.Count; k++)
        {
            var l = lines[k];
            if (l.Blank || cut[k] is not null) continue;
            var key = l.Text.ToLowerInvariant();
            if (l.Words <= 20 && FurnitureRules.InlinePrefixes.Any(key.StartsWith)) cut[k] = CutReason.InlineFurniture;
            else if (IsImageCredit(l)) cut[k] = CutReason.ImageCredit;
            else if (IsTemplateResidue(l.Text)) cut[k] = CutReason.TemplateResidue;
            else if (previous is not null && string.Equals(previous, l.Text, StringComparison.Ordinal)) cut[k] = CutReason.RepeatedLine;
            previous = l.Text;
        }
    }

    private static PartialDate? AsDateLine(Line l)
    {
        if (l.Words > 10) return null;
        var scan = CalendarScanner.Scan(l.Text);
        if (scan.Dates.Count == 0) return null;
        var filler = 0;
        foreach (var lx in Lexer.Scan(l.Text))
            if (lx.Kind == LexemeKind.Word && FurnitureRules.DateLineFillers.Contains(l.Text.Substring(lx.Start, lx.Length))) filler += lx.Length;
        if (scan.UncoveredLetters - filler > 0) return null;
        var date = scan.Dates[0].Date;
        if (date.Day is null) return null;
        return scan.Times.Count > 0 && date.Hour is null ? date with { Hour = scan.Times[0].Hour, Minute = scan.Times[0].Minute } : date;
    }

    private static (int Hour, int Minute)? AsTimeLine(Line l)
    {
        if (l.Text.Length is < 4 or > 5) return null;
        var scan = CalendarScanner.Scan(l.Text);
        return scan.Times.Count == 1 && scan.UncoveredLetters == 0 && scan.Times[0].Span.Length == l.Text.Length ? (scan.Times[0].Hour, scan.Times[0].Minute) : null;
    }

    private static bool IsCalendarHeading(string text, Line l)
    {
        if (l.Words > 4 || EndsSentence(l.Text)) return false;
        var scan = CalendarScanner.Scan(l.Text);
        return scan.Dates.Count + scan.Weekdays.Count > 0;
    }

    private static bool IsTailMarker(string line)
    {
        var key = FurnitureRules.Key(line);
        if (FurnitureRules.TailMarkers.Contains(key)) return true;
        // "Tags: a, b" ends an article; "Read also: <headline>" is a link inside one
        var colon = line.IndexOf(':');
        return colon > 0 && colon < 12 && FurnitureRules.ListMarkers.Contains(FurnitureRules.Key(line[..colon]));
    }

    private static bool IsKnownFurnitureSentence(string line)
    {
        var lower = line.ToLowerInvariant();
        return FurnitureRules.KnownFurnitureSentences.Any(lower.Contains);
    }

    private static bool IsImageCredit(Line l)
    {
        var lower = l.Text.ToLowerInvariant();
        if (l.Words <= 12 && FurnitureRules.CreditPrefixes.Any(lower.StartsWith)) return true;
        if (l.Words > 10 || EndsSentence(l.Text)) return false;
        var tail = lower.TrimEnd();
        return FurnitureRules.CreditAgencies.Any(a => tail.EndsWith(" " + a, StringComparison.Ordinal) || tail.EndsWith("/" + a, StringComparison.Ordinal))
               && (lower.Contains(" via ") || lower.Contains(" through ") || lower.Contains('/') || lower.Contains('©'));
    }

    private static bool IsTemplateResidue(string line) =>
        line.Length >= 3 && !line.Contains(' ') && line.IndexOfAny(['/', '_', '{', '}', '=', '<', '>']) >= 0 && !line.StartsWith("http", StringComparison.OrdinalIgnoreCase);

    private static string? AuthorFrom(string line)
    {
        var lower = line.ToLowerInvariant();
        foreach (var p in FurnitureRules.AuthorPrefixes)
            if (lower.StartsWith(p, StringComparison.Ordinal) && line.Length - p.Length is > 2 and < 80)
            {
                var name = line[p.Length..].Trim();
                if (LooksLikeName(name.Split(',')[0].Split(" and ")[0])) return name;
            }
        return null;
    }

    private static bool LooksLikeName(string s)
    {
        var parts = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length is >= 2 and <= 4 && parts.All(p => char.IsUpper(p[0]) && p.All(c => char.IsLetter(c) || c is '-' or '\'' or '’' or '.'));
    }

    private static bool EndsSentence(string s) => s.Length > 0 && s[^1] is '.' or '!' or '?' or '…' or ':' or ';';

    private static List<Line> SplitLines(string text)
    {
        var lines = new List<Line>();
        var start = 0;
        while (start <= text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl;
            int s = start, e = end;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            var t = text[s..e];
            lines.Add(new Line(s, e, t, CountWords(t)));
            if (nl < 0) break;
            start = nl + 1;
        }
        return lines;
    }

    private static int CountWords(string s)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in s)
        {
            var w = !char.IsWhiteSpace(c);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }
}
