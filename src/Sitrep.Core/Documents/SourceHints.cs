using Sitrep.Core.Time;

namespace Sitrep.Core.Documents;

/// <summary>
/// What a document's source said of it besides its bytes: the HTTP response's media type and charset, and a feed
/// item's link, title, author, outlet and date. Stored with the raw bytes, so reading them again gives the same document.
/// The page's own metadata comes first; these fill what it lacks.
/// </summary>
public sealed record SourceHints
{
    public string? MediaType { get; init; }
    public string? Charset { get; init; }
    /// <summary>The address the bytes came from (after redirects), or the feed item's link.</summary>
    public string? Url { get; init; }
    public string? Title { get; init; }
    public string? Author { get; init; }
    public string? Outlet { get; init; }
    public PartialDate? Published { get; init; }
    /// <summary>The text is the article's body alone (a record's text field), with no headline or date lines above it.</summary>
    public bool BodyOnly { get; init; }
}
