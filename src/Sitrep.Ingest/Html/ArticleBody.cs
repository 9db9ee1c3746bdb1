using System.Text;

namespace Sitrep.Ingest.Html;

/// <summary>
/// Finds the article in a parsed page, in the manner of readability: paragraphs score their parent and grandparent,
/// discounted by the share of their text that is links, and the best container wins. It then grows into the
/// ancestor that holds the rest of the article when that ancestor's text is mostly paragraphs (long articles are cut
/// into sections between pictures and quotes), keeps strong siblings, writes paragraphs, headings and list items in
/// reading order, and trims short or link-heavy lines from the edges (share bars, "comments", sign-up lines).
/// </summary>
internal sealed class ArticleBody
{
    public static readonly HashSet<string> Blocks = new(StringComparer.Ordinal) { "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd", "dt" };
    private static readonly HashSet<string> Paragraphs = new(StringComparer.Ordinal) { "p", "pre", "td", "blockquote", "li" };
    /// <summary>Past this depth an element is written as one run of text, so writing never recurses without bound.</summary>
    private const int WriteDepth = 1024;
    /// <summary>A paragraph shorter than this, or mostly links, is not article text when measuring a block's density.</summary>
    private const int ParagraphLength = 40;

    private readonly PageTree tree;
    private readonly PageText text;
    /// <summary>The best container for each <see cref="ExtractionSettings.ParagraphsPerParent"/> asked for.</summary>
    private readonly Dictionary<int, int> tops = [];
    /// <summary>The length of each element's text that is in paragraphs of prose (not links, not short lines).</summary>
    private readonly int[] prose;

    private readonly record struct Line(string Text, double LinkDensity);

    public ArticleBody(PageTree tree, bool[] excluded)
    {
        this.tree = tree;
        text = new PageText(tree, excluded, Blocks);
        prose = Prose();
    }

    public string Write(ExtractionSettings settings)
    {
        if (!tops.TryGetValue(settings.ParagraphsPerParent, out var top)) tops[settings.ParagraphsPerParent] = top = BestContainer(settings.ParagraphsPerParent);
        if (top < 0) return "";
        var lines = new List<Line>();
        var chosen = Grown(top, settings);
        var parent = tree.Parent[chosen];
        if (parent < 0) Write(chosen, lines, 0);
        else
        {
            var length = text.Length(chosen);
            foreach (var s in tree.Children(parent))
            {
                if (text.Excluded[s] || tree.IsText(s)) continue;
                if (s == chosen || IsArticleSibling(s, length, settings)) Write(s, lines, 0);
            }
        }
        return string.Join("\n\n", Trimmed(lines, settings).Select(l => l.Text));
    }

    /// <summary>
    /// A sibling is more of the article when it is long and mostly prose (not a box of teasers or comments, which wrap
    /// each paragraph alone), or a paragraph on its own, as readability keeps them.
    /// </summary>
    private bool IsArticleSibling(int s, int chosenLength, ExtractionSettings settings)
    {
        if (text.LinkDensity(s) >= 0.25) return false;
        if (Blocks.Contains(tree.Tag[s]) && !text.HasBlockChild[s]) return text.Length(s) > 80;
        return text.Length(s) > Math.Max(200, chosenLength * settings.SiblingShare) && prose[s] * 2 >= text.Length(s);
    }

    private bool Scores(int i) => !text.Excluded[i] && Paragraphs.Contains(tree.Tag[i]) && text.Length(i) >= 25;

    private int BestContainer(int paragraphsPerParent)
    {
        var scores = new Dictionary<int, double>();
        void Add(int element, double score) { if (element >= 0) scores[element] = scores.GetValueOrDefault(element) + score; }
        var paragraphs = new Dictionary<int, int>();
        for (var i = 0; i < tree.Count; i++)
            if (Scores(i)) paragraphs[tree.Parent[i]] = paragraphs.GetValueOrDefault(tree.Parent[i]) + 1;
        for (var i = 0; i < tree.Count; i++)
        {
            if (!Scores(i)) continue;
            var score = 1 + text.Commas[i] + Math.Min(text.Length(i) / 100.0, 3);
            var parent = tree.Parent[i];
            Add(parent, score);
            if (parent >= 0 && paragraphs[parent] >= paragraphsPerParent) Add(tree.Parent[parent], score / 2);
        }
        // text written straight into a div, lines parted by <br>, counts as paragraphs too
        for (var i = 0; i < tree.Count; i++)
        {
            if (text.Excluded[i] || tree.Tag[i] != "div") continue;
            var direct = text.DirectLength(i);
            if (direct < 100) continue;
            Add(i, 1 + text.DirectCommas[i] + Math.Min(direct / 100.0, 3));
            Add(tree.Parent[i], (1 + Math.Min(direct / 100.0, 3)) / 2);
        }
        if (scores.Count == 0) return tree.Body;
        return scores.MaxBy(kv => kv.Value * (1 - text.LinkDensity(kv.Key))).Key;
    }

    /// <summary>
    /// Prose is paragraphs in runs: at least two of one parent, each long enough and not mostly links. A list of teasers
    /// or comments wraps each of its paragraphs alone (with a headline, a name, a date), so it adds none.
    /// </summary>
    private int[] Prose()
    {
        var result = new int[tree.Count];
        bool IsParagraph(int i) => !text.Excluded[i] && Blocks.Contains(tree.Tag[i]) && !text.HasBlockChild[i]
            && text.Length(i) >= ParagraphLength && text.LinkDensity(i) < 0.3;
        var run = new int[tree.Count];
        for (var i = 0; i < tree.Count; i++)
            if (tree.Parent[i] >= 0 && IsParagraph(i)) run[tree.Parent[i]]++;
        for (var i = tree.Count - 1; i >= 0; i--)
        {
            if (text.Excluded[i] || tree.IsText(i)) continue;
            if (Blocks.Contains(tree.Tag[i]) && !text.HasBlockChild[i])
            {
                if (IsParagraph(i) && run[tree.Parent[i]] >= 2) result[i] += text.Length(i);
            }
            else if (text.DirectLength(i) >= ParagraphLength) result[i] += text.DirectLength(i);
            if (tree.Parent[i] >= 0) result[tree.Parent[i]] += result[i];
        }
        return result;
    }

    /// <summary>
    /// The highest ancestor of the best container, up to the body, that adds prose while staying mostly prose itself;
    /// the container when none does.
    /// </summary>
    private int Grown(int top, ExtractionSettings settings)
    {
        var best = top;
        for (var a = tree.Parent[top]; a >= 0 && a != tree.Body; a = tree.Parent[a])
        {
            if (prose[a] < settings.ClimbDensity * text.Length(a)) break;
            if (prose[a] > prose[best] * 1.1 + ParagraphLength) best = a;
        }
        return best;
    }

    /// <summary>The lines without the furniture at either edge: short lines that end no sentence, and lines mostly of links.</summary>
    private static IEnumerable<Line> Trimmed(List<Line> lines, ExtractionSettings settings)
    {
        bool Furniture(Line l) => l.LinkDensity > settings.EdgeLinkDensity || (l.Text.Length < settings.EdgeShort && !EndsSentence(l.Text));
        int from = 0, to = lines.Count;
        while (from < to && Furniture(lines[from])) from++;
        while (to > from && Furniture(lines[to - 1])) to--;
        return lines.Skip(from).Take(to - from);
    }

    private static bool EndsSentence(string line) => line.TrimEnd('"', '\'', '”', '’', ')', '»').EndsWith(['.', '!', '?', '…', ':']);

    private void Write(int e, List<Line> lines, int depth)
    {
        if ((Blocks.Contains(tree.Tag[e]) && !text.HasBlockChild[e]) || depth > WriteDepth)
        {
            var content = Normalise(text.Gather(e));
            if (content.Length == 0) return;
            var links = text.LinkDensity(e);
            // a line that is mostly links is navigation, unless it is a long paragraph
            if (links > 0.5 && content.Length < 200) return;
            lines.Add(new Line(content, links));
            return;
        }
        var loose = new StringBuilder();
        foreach (var child in tree.Children(e))
        {
            if (text.Excluded[child]) continue;
            if (tree.IsText(child)) loose.Append(tree.Text[child]);
            else if (text.HoldsBlock[child])
            {
                Flush(loose, lines);
                Write(child, lines, depth + 1);
            }
            else if (tree.Tag[child] == "br") Flush(loose, lines);
            else loose.Append(text.Gather(child)).Append(' ');
        }
        Flush(loose, lines);
    }

    private static void Flush(StringBuilder loose, List<Line> lines)
    {
        var content = Normalise(loose.ToString());
        if (content.Length >= 40) lines.Add(new Line(content, 0));
        loose.Clear();
    }

    public static string Normalise(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
