using Sitrep.Core.Documents;
using Sitrep.Core.Entities;
using Sitrep.Core.Events;

namespace Sitrep.Store;

/// <summary>Which events to list: every filter given must hold; <see cref="Text"/> is a full-text query.</summary>
public sealed record EventQuery
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>Entity ids the event's place must be one of.</summary>
    public IReadOnlyCollection<string>? Places { get; init; }
    /// <summary>Entity ids one of the event's actors must be.</summary>
    public IReadOnlyCollection<string>? Actors { get; init; }
    /// <summary>Entity ids the event must have as its place or as an actor.</summary>
    public IReadOnlyCollection<string>? Involving { get; init; }
    public string? Document { get; init; }
    public string? Type { get; init; }
    public string? Status { get; init; }
    public string? Text { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = int.MaxValue;
}

/// <summary>Which claims to list, in text order.</summary>
public sealed record ClaimQuery
{
    /// <summary>Entity ids the claim's source must be one of.</summary>
    public IReadOnlyCollection<string>? Sources { get; init; }
    /// <summary>Entity ids one of which the claim's sentence must name.</summary>
    public IReadOnlyCollection<string>? About { get; init; }
    public string? Document { get; init; }
    /// <summary>Also the sentences an outlet states in its own voice.</summary>
    public bool All { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = int.MaxValue;
}

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Offset);

/// <summary>An entity without its mentions: what a list of entities shows.</summary>
public sealed record EntitySummary(string Id, string Type, string Name, int Mentions, int Documents, GeoPoint? Geo);

/// <summary>A name in a document linked to the entity it was resolved into.</summary>
public sealed record LinkedMention(TextSpan Span, string Type, string Text, string Entity);

/// <summary>
/// Resolution (entities, mention links, claims with their sources, events) kept in tables, so queries read indexes
/// instead of resolving the whole store again. Every change to what resolution reads (documents, corrections, places)
/// moves a generation counter on; the stored resolution says which generation it was made from.
/// </summary>
public interface IResolutionStore
{
    /// <summary>The generation of the resolution's inputs now; pass it to <see cref="SaveResolution"/>.</summary>
    long InputGeneration();
    /// <summary>True when the stored resolution was made from the current inputs.</summary>
    bool ResolutionCurrent();
    /// <summary>Replaces the stored resolution with <paramref name="story"/>, resolved from inputs of <paramref name="generation"/>.</summary>
    /// <param name="nameKey">The spelling-folding key each alias is found by.</param>
    void SaveResolution(Story story, long generation, Func<string, string> nameKey);
    /// <summary>The whole stored resolution (for the export and the brief).</summary>
    Story LoadStory();

    /// <summary>
    /// Entities written <paramref name="name"/> (any case) or, when a key is given, with an alias of that key; with
    /// <paramref name="partOfKey"/>, also those with an alias having a word of that key.
    /// </summary>
    IReadOnlyList<string> EntitiesNamed(string name, string? key, bool partOfKey = false);
    Page<EntitySummary> Entities(string? name, string? key, string? type, int offset, int limit);
    /// <summary>One entity with all its mentions.</summary>
    Entity? Entity(string id);
    /// <summary>The entities named in these documents, each with only its mentions in them.</summary>
    IReadOnlyList<Entity> EntitiesIn(IEnumerable<string> documents);
    IReadOnlyDictionary<string, string> EntityNames(IEnumerable<string> ids);
    IReadOnlyDictionary<string, EntitySummary> EntitySummaries(IEnumerable<string> ids);
    IReadOnlyList<LinkedMention> LinkedMentions(string document);

    Page<Event> Events(EventQuery query);
    Event? Event(string id);
    Page<ResolvedClaim> ResolvedClaims(ClaimQuery query);
    IReadOnlyList<ResolvedClaim> ResolvedClaims(IEnumerable<string> ids);

    /// <summary>What each document is called where its source is shown: outlet, else title, else file name.</summary>
    IReadOnlyDictionary<string, string> DocumentLabels(IEnumerable<string>? ids = null);
    /// <summary>Documents matching a full-text query, best first.</summary>
    Page<string> SearchDocuments(string query, int offset, int limit);
}
