namespace Sitrep.Ingest.Html;

/// <summary>
/// What each element of a <see cref="PageTree"/> holds once some subtrees are left out: the length of its text with
/// white space collapsed (as a reader sees it), its commas, how much of it is link text, and whether it holds blocks.
/// One backward pass over the arrays: children come after their parent, so each is complete before it is added in.
/// </summary>
internal sealed class PageText
{
    private readonly PageTree tree;
    private readonly Run[] text;
    private readonly Run[] direct;
    private readonly int[] links;
    public readonly bool[] Excluded;
    public readonly int[] Commas;
    /// <summary>Commas in the text nodes directly inside the element.</summary>
    public readonly int[] DirectCommas;
    /// <summary>The element is a block, or has one inside it.</summary>
    public readonly bool[] HoldsBlock;
    public readonly bool[] HasBlockChild;

    public PageText(PageTree tree, bool[] excluded, ISet<string> blocks)
    {
        this.tree = tree;
        var n = tree.Count;
        Excluded = excluded;
        text = new Run[n];
        direct = new Run[n];
        links = new int[n];
        Commas = new int[n];
        DirectCommas = new int[n];
        HoldsBlock = new bool[n];
        HasBlockChild = new bool[n];
        // text anywhere inside a link is link text, also where a link wraps whole blocks (a teaser's headline and summary)
        var inLink = new bool[n];
        for (var i = 0; i < n; i++) inLink[i] = tree.Tag[i] == "a" || (tree.Parent[i] >= 0 && inLink[tree.Parent[i]]);
        for (var i = n - 1; i >= 0; i--)
        {
            if (excluded[i]) continue;
            var isText = false;
            if (tree.Text[i] is { } t)
            {
                isText = true;
                text[i] = Run.Of(t);
                Commas[i] = t.AsSpan().Count(',');
            }
            var isBlock = !isText && blocks.Contains(tree.Tag[i]);
            HoldsBlock[i] |= isBlock;
            var p = tree.Parent[i];
            if (p < 0) continue;
            // going backward, each node comes before what its parent has gathered so far
            text[p] = Run.Concat(text[i], text[p]);
            Commas[p] += Commas[i];
            if (isText && inLink[i]) links[i] = text[i].Length;
            links[p] += links[i];
            HoldsBlock[p] |= HoldsBlock[i];
            HasBlockChild[p] |= isBlock;
            if (isText)
            {
                direct[p] = Run.Concat(text[i], direct[p]);
                DirectCommas[p] += Commas[i];
            }
        }
    }

    public int Length(int i) => text[i].Length;

    public int DirectLength(int i) => direct[i].Length;

    public double LinkDensity(int i) => text[i].Length == 0 ? 0 : Math.Min(1, (double)links[i] / text[i].Length);

    /// <summary>The element's text as the page has it (white space not yet collapsed), left-out parts skipped.</summary>
    public string Gather(int e) => tree.AllText(e, Excluded);

    /// <summary>
    /// A stretch of text measured as it reads with white space collapsed and trimmed: its visible characters, the
    /// gaps between them, and whether white space touches either end (which makes a gap when two runs meet).
    /// </summary>
    private readonly record struct Run(int Visible, int Gaps, bool SpaceBefore, bool SpaceAfter)
    {
        public int Length => Visible + Gaps;

        public static Run Of(string s)
        {
            int visible = 0, gaps = 0;
            var pending = false;
            foreach (var c in s)
            {
                if (char.IsWhiteSpace(c)) { pending = visible > 0; continue; }
                if (pending) gaps++;
                pending = false;
                visible++;
            }
            return s.Length == 0 ? default : new Run(visible, gaps, char.IsWhiteSpace(s[0]), char.IsWhiteSpace(s[^1]));
        }

        public static Run Concat(Run a, Run b)
        {
            if (a.Visible == 0) return b with { SpaceBefore = a.SpaceBefore || a.SpaceAfter || b.SpaceBefore, SpaceAfter = b.Visible == 0 ? a.SpaceAfter || b.SpaceAfter : b.SpaceAfter };
            if (b.Visible == 0) return a with { SpaceAfter = a.SpaceAfter || b.SpaceBefore || b.SpaceAfter };
            return new Run(a.Visible + b.Visible, a.Gaps + b.Gaps + (a.SpaceAfter || b.SpaceBefore ? 1 : 0), a.SpaceBefore, b.SpaceAfter);
        }
    }
}
