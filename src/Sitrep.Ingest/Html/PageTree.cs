namespace Sitrep.Ingest.Html;

/// <summary>
/// A parsed page flattened into arrays in document order: every node's subtree is the range [i, End[i]), so text
/// lengths, link shares and "holds a block" come from one backward pass instead of walking a DOM again for every
/// candidate. Nothing here recurses, so no page can overflow the stack.
/// </summary>
internal sealed class PageTree
{
    public readonly List<int> Parent = [];
    public readonly List<int> End = [];
    /// <summary>Lower-case tag name; empty for a text node.</summary>
    public readonly List<string> Tag = [];
    /// <summary>The text of a text node, character references decoded; null for an element.</summary>
    public readonly List<string?> Text = [];
    /// <summary>Elements that are never article text by their name (scripts, navigation, forms' controls, figures…).</summary>
    public readonly List<bool> Furniture = [];
    /// <summary>Elements inside the body that look like furniture by class, id or hidden state (readability's "unlikely candidates").</summary>
    public readonly List<bool> Unlikely = [];
    public int Body { get; set; } = -1;
    public PageMetadata Metadata { get; } = new();
    public int Count => Tag.Count;

    public bool IsText(int i) => Text[i] is not null;

    public int Add(int parent, string tag, string? text, bool furniture, bool unlikely)
    {
        Parent.Add(parent);
        End.Add(Count + 1);
        Tag.Add(tag);
        Text.Add(text);
        Furniture.Add(furniture);
        Unlikely.Add(unlikely);
        return Count - 1;
    }

    /// <summary>The child nodes of <paramref name="i"/>, elements and text, in order.</summary>
    public IEnumerable<int> Children(int i)
    {
        for (var j = i + 1; j < End[i]; j = End[j]) yield return j;
    }

    /// <summary>The text inside an element as the page has it (white space not yet collapsed, a line break as one), <paramref name="excluded"/> subtrees skipped.</summary>
    public string AllText(int e, bool[]? excluded = null)
    {
        var sb = new System.Text.StringBuilder();
        for (var j = e + 1; j < End[e];)
        {
            if (excluded is not null && excluded[j]) { j = End[j]; continue; }
            if (Text[j] is { } t) sb.Append(t);
            // a line break parts words as white space does ("Seattle, WA<br>Sept. 12")
            else if (Tag[j] == "br") sb.Append('\n');
            j++;
        }
        return sb.ToString();
    }
}

/// <summary>What the parser keeps of a page's head and markup for its metadata, in the order the page gives it.</summary>
internal sealed class PageMetadata
{
    /// <summary>The first non-empty content of each meta property, name or itemprop.</summary>
    public Dictionary<string, string> Meta { get; } = new(StringComparer.Ordinal);
    public List<string> JsonLd { get; } = [];
    public string? Title { get; set; }
    public string? Language { get; set; }
    /// <summary>The first &lt;time datetime&gt; on the page.</summary>
    public string? TimeDatetime { get; set; }
    /// <summary>The href of the first &lt;link rel="canonical"&gt;.</summary>
    public string? Canonical { get; set; }
    /// <summary>The first few elements whose class, id or itemprop says they hold a date (a visible date line).</summary>
    public List<int> DateLines { get; } = [];
    /// <summary>The first h1 element, or -1.</summary>
    public int FirstHeading { get; set; } = -1;
}
