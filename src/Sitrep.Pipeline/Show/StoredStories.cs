using Sitrep.Core.Events;
using Sitrep.Resolve;
using Sitrep.Store;

namespace Sitrep.Pipeline.Show;

/// <summary>
/// Keeps the stored resolution in step with the store. Resolution runs over the whole store (the resolvers join
/// names and reports across every article), so it runs once after a batch of writes, never once per query.
/// </summary>
public static class StoredStories
{
    /// <summary>The resolution of the store as it is now: the stored one when current, else resolved afresh and stored.</summary>
    public static Story Current(IDocumentStore store, Func<Story> resolve)
    {
        if (store is not IResolutionStore stored) return resolve();
        return stored.ResolutionCurrent() ? stored.LoadStory() : Refresh(store, resolve);
    }

    /// <summary>Resolves and stores when the inputs changed since the stored resolution was made; true when it did.</summary>
    public static bool EnsureCurrent(IDocumentStore store, Func<Story> resolve)
    {
        if (store is not IResolutionStore stored || stored.ResolutionCurrent()) return false;
        Refresh(store, resolve);
        return true;
    }

    /// <summary>
    /// What a brief of a date range needs from the stored resolution: the events in the range, the articles reporting
    /// them, and the entities those articles name (with their mentions there).
    /// </summary>
    public static (Story Story, IReadOnlyList<string> Documents) Range(IResolutionStore stored, DateOnly? from, DateOnly? to)
    {
        var events = stored.Events(new EventQuery { From = from, To = to }).Items;
        var documents = events.SelectMany(e => e.Reports.Select(r => r.Document)).Distinct().ToList();
        return (new Story(stored.EntitiesIn(documents), [], events), documents);
    }

    /// <summary>Resolves the whole store and replaces the stored resolution with the result.</summary>
    public static Story Refresh(IDocumentStore store, Func<Story> resolve)
    {
        if (store is not IResolutionStore stored) return resolve();
        // the generation is read before resolving: a write made meanwhile leaves the stored resolution stale, not wrong
        var generation = stored.InputGeneration();
        var story = resolve();
        stored.SaveResolution(story, generation, NameKey.Of);
        return story;
    }
}
