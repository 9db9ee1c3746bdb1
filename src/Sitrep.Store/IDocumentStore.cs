using Sitrep.Core.Claims;
using Sitrep.Core.Events;
using Sitrep.Core.Documents;
using Sitrep.Core.Entities;
using Sitrep.Core.Time;

namespace Sitrep.Store;

public sealed record StoredMention(string Document, int Start, int End, string Type, string Text);

/// <summary>A place from a full GeoNames dump, with its alternate names (Cyrillic ones included).</summary>
public sealed record ImportedPlace(long Id, string Name, IReadOnlyList<string> Alternates, string Country, string Feature, long Population, double Lat, double Lon);

public sealed record StoredTime(string Document, TimeExpression Time, string Text);

public sealed record StoredQuantity(string Document, Quantity Quantity, string Text);

/// <summary>The raw bytes an article was read from, which every derived field can be rebuilt from.</summary>
public sealed record RawDocument(string Id, string Source, string MediaType, byte[] Bytes, SourceHints? Hints = null);

/// <summary>What a server said of a URL when Sitrep last fetched it: its validators for a conditional request.</summary>
public sealed record FetchState(string Url, string? ETag, string? LastModified, int Status, DateTimeOffset FetchedAt);

/// <summary>
/// Where documents live. SQLite implements it for one machine; a PostgreSQL store will implement the same contract
/// for teams. Writes happen inside a transaction from <see cref="Begin"/>; reads see the transaction's own writes.
/// </summary>
public interface IDocumentStore : IDisposable
{
    IStoreTransaction Begin();

    bool Contains(string documentId);
    string? FindByTextHash(string textHash);
    /// <summary>Documents sharing at least <paramref name="minShared"/> of the band keys, earliest first, with their MinHash signatures.</summary>
    IReadOnlyList<(string Id, uint[]? Signature)> FindByBandKeys(IReadOnlyList<long> bandKeys, int minShared = 1);
    string? GetBody(string documentId);

    void Add(Document document, byte[] raw);
    /// <summary>Remembers another path or URL the same article came from; true when it was new.</summary>
    bool AddSource(string documentId, string source);
    /// <summary>Replaces every derived field of a stored document (after reprocessing its raw bytes).</summary>
    void Update(Document document);
    /// <summary>Sets a document's publication date and the time expressions anchored to it.</summary>
    void UpdatePublished(string documentId, PublicationDate published, IReadOnlyList<TimeExpression> times);

    int Count();
    Document? Find(string idOrPrefix);
    IReadOnlyList<string> Sources(string documentId);
    /// <summary>The document a path or URL was read into, if any.</summary>
    string? FindBySource(string source);
    FetchState? GetFetchState(string url);
    void SetFetchState(FetchState state);
    /// <summary>Documents in the order they were first stored.</summary>
    IEnumerable<Document> Documents();
    /// <summary>Every document id, in the order the documents were first stored.</summary>
    IReadOnlyList<string> DocumentIds();
    RawDocument? Raw(string documentId);
    IReadOnlyList<Mention> Mentions(string documentId);
    IReadOnlyList<TimeExpression> Times(string documentId);
    /// <summary>Every time expression with its document and text, in document order.</summary>
    IEnumerable<StoredTime> AllTimes();
    IReadOnlyList<Quantity> Quantities(string documentId);
    /// <summary>Every quantity with its document and text, in document order.</summary>
    IEnumerable<StoredQuantity> AllQuantities();
    /// <summary>A document's claims, one per sentence, in text order.</summary>
    IReadOnlyList<Claim> Claims(string documentId);
    /// <summary>The events a document's sentences report, in text order, with spans into its body.</summary>
    IReadOnlyList<EventMention> Events(string documentId);
    /// <summary>Every mention with its document and text, ordered by type, then text, then document order.</summary>
    IEnumerable<StoredMention> AllMentions();
    /// <summary>Documents whose publication date is still unknown.</summary>
    IEnumerable<Document> UndatedDocuments();
    /// <summary>The documents without a date or with one inferred from their body: what the collection may date better.</summary>
    IEnumerable<Document> InferredDateDocuments();
    /// <summary>The earliest possible publication day of every dated document, with its id.</summary>
    IReadOnlyList<(string Id, DateOnly Day)> PublicationDays();

    /// <summary>Records a user's correction of entity resolution; corrections are never derived, so reprocessing keeps them.</summary>
    void AddCorrection(EntityCorrection correction);
    /// <summary>The corrections in the order they were made.</summary>
    IReadOnlyList<EntityCorrection> Corrections();

    /// <summary>Adds or replaces places from a gazetteer dump (by GeoNames id); returns how many were written.</summary>
    int ImportPlaces(IEnumerable<ImportedPlace> places);
    IEnumerable<ImportedPlace> ImportedPlaces();

    /// <summary>"ok", or what the database's own integrity check reports.</summary>
    string IntegrityCheck();
}

public interface IStoreTransaction : IDisposable
{
    void Commit();
}
