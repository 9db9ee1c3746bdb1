using AngleSharp.Dom;

namespace Sitrep.Ingest.Html;

/// <summary>
/// A parsed page flattened into arrays in document order, furniture left out: every node's subtree is the range
/// [i, End[i]), so text lengths, link shares and "holds a block" come from one backward pass instead of walking the DOM
/// again for every candidate. Built without recursion, so no page can overflow the stack.
/// </summary>
internal sealed class PageTree
{
    public readonly List<int> Parent = [];
    public readonly List<int> End = [];
    /// <summary>Upper-case tag name; empty for a text node.</summary>
    public readonly List<string> Tag = [];
    /// <summary>The text of a text node; null for an element.</summary>
    public readonly List<string?> Text = [];
    /// <summary>Elements that look like furniture by class, id or hidden state (readability's "unlikely candidates").</summary>
    public readonly List<bool> Unlikely = [];
    public int Body { get; private set; } = -1;
    public int Count => Tag.Count;

    public bool IsText(int i) => Text[i] is not null;

    public static PageTree Build(IElement root, ISet<string> furniture, Func<IElement, bool> unlikely)
    {
        var tree = new PageTree();
        var stack = new Stack<(INode Node, int Parent)>();
        stack.Push((root, -1));
        var open = new Stack<int>();
        while (stack.Count > 0)
        {
            var (node, parent) = stack.Pop();
            // close the ranges of the elements this node is not inside
            while (open.Count > 0 && open.Peek() != parent) tree.End[open.Pop()] = tree.Count;
            if (node is IElement e)
            {
                if (furniture.Contains(e.LocalName)) continue;
                var index = tree.Add(parent, e.TagName, null, parent >= 0 && tree.Body >= 0 && unlikely(e));
                if (e.LocalName == "body" && tree.Body < 0) tree.Body = index;
                open.Push(index);
                for (var c = e.ChildNodes.Length - 1; c >= 0; c--) stack.Push((e.ChildNodes[c], index));
            }
            else if (node.NodeType == NodeType.Text) tree.Add(parent, "", node.TextContent, false);
        }
        while (open.Count > 0) tree.End[open.Pop()] = tree.Count;
        return tree;
    }

    private int Add(int parent, string tag, string? text, bool unlikely)
    {
        Parent.Add(parent);
        End.Add(Count + 1);
        Tag.Add(tag);
        Text.Add(text);
        Unlikely.Add(unlikely);
        return Count - 1;
    }

    /// <summary>The child nodes of <paramref name="i"/>, elements and text, in order.</summary>
    public IEnumerable<int> Children(int i)
    {
        for (var j = i + 1; j < End[i]; j = End[j]) yield return j;
    }
}
