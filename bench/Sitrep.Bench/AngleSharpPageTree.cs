using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Sitrep.Ingest.Html;

/// <summary>
/// Sitrep's extractor on a page parsed by AngleSharp (a full HTML5 parser: the adoption agency, foster parenting)
/// instead of its own tree builder: the same <see cref="PageTree"/> arrays, filled by walking AngleSharp's DOM, so the
/// comparison isolates the parser.
/// </summary>
internal static class AngleSharpPageTree
{
    private static readonly HtmlParser Parser = new();

    public static string Body(string html) => HtmlArticleExtractor.Body(Build(html));

    public static PageTree Build(string html)
    {
        var document = Parser.ParseDocument(html);
        var tree = new PageTree();
        // an explicit stack: pages nest deeper than the call stack allows
        var stack = new Stack<(INode Node, int Parent, bool Closing, int Index)>();
        stack.Push((document.DocumentElement, -1, false, -1));
        while (stack.Count > 0)
        {
            var (node, parent, closing, index) = stack.Pop();
            if (closing) { tree.End[index] = tree.Count; continue; }
            if (node is IText text) { tree.Add(parent, "", text.Data, false, false); continue; }
            if (node is not IElement element) continue;
            var name = element.LocalName;
            var inBody = tree.Body >= 0;
            var unlikely = inBody && HtmlTreeBuilder.IsUnlikely(name, element.GetAttribute("class"), element.GetAttribute("id"),
                element.HasAttribute("hidden"), element.GetAttribute("style"));
            var i = tree.Add(parent, name, null, HtmlTreeBuilder.IsFurniture(name), unlikely);
            if (name == "body") tree.Body = i;
            stack.Push((element, parent, true, i));
            for (var c = element.ChildNodes.Length - 1; c >= 0; c--) stack.Push((element.ChildNodes[c], i, false, -1));
        }
        return tree;
    }
}
