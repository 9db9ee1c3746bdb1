using Sitrep.Core.Claims;
using Sitrep.Core.Events;
using Sitrep.Core.Time;

namespace Sitrep.Core.Documents;

/// <summary>
/// One article as Sitrep knows it: where it came from, the metadata found for it, and the cleaned body that every
/// later offset points into. Everything here is derived from the stored raw bytes and can be derived again.
/// </summary>
public sealed record Document
{
    public required string Id { get; init; }
    public required string Source { get; init; }
    /// <summary>The article's own address: the page's canonical URL, else where it was fetched from or the feed's link to it.</summary>
    public string? Url { get; init; }
    public required string MediaType { get; init; }
    /// <summary>The charset the bytes were read as, noting bytes that could not be decoded (see <see cref="EncodingNote"/>).</summary>
    public required string Encoding { get; init; }
    /// <summary>Some bytes could not be decoded and became U+FFFD.</summary>
    public bool DecodedLossily => EncodingNote.Replaced(Encoding) > 0;
    public string? Title { get; init; }
    public string? Outlet { get; init; }
    public string? Author { get; init; }
    public required string Language { get; init; }
    public required PublicationDate Published { get; init; }

    /// <summary>A date found in the page's header that lacked parts (usually the year); kept so the date can be re-inferred.</summary>
    public PartialDate? HeaderDate { get; init; }

    /// <summary>What the source said of the document besides its bytes (a feed item's date, an HTTP charset); stored with them.</summary>
    public SourceHints? Hints { get; init; }

    public required string Body { get; init; }
    public IReadOnlyList<CutText> Cut { get; init; } = [];
    public IReadOnlyList<Mention> Mentions { get; init; } = [];
    public IReadOnlyList<TimeExpression> Times { get; init; } = [];
    public IReadOnlyList<Quantity> Quantities { get; init; } = [];
    /// <summary>One claim per sentence: who says it (null for the outlet's own voice) and how.</summary>
    public IReadOnlyList<Claim> Claims { get; init; } = [];
    public IReadOnlyList<EventMention> Events { get; init; } = [];
    public required DocumentFingerprint Fingerprint { get; init; }
    /// <summary>Which entity model read the names ("encoder", "perceptron"); null when none did (no model, not English).</summary>
    public string? EntityModel { get; init; }
    public string? DuplicateOf { get; init; }
}

/// <summary>
/// What duplicate detection needs: a hash of the normalised body, the MinHash signature of its shingles (which estimates
/// Jaccard similarity without the text) and the band keys that find candidates sharing part of that signature.
/// </summary>
public sealed record DocumentFingerprint(string TextHash, IReadOnlyList<long> BandKeys, uint[]? Signature = null);
