using System.CommandLine;
using Sitrep.Core.Events;
using Sitrep.Pipeline.Show;
using Sitrep.Resolve;
using Sitrep.Store;

namespace Sitrep.Cli.Commands;

/// <summary>The stored resolution for query commands: brought up to date once after writes, then read through indexes.</summary>
internal static class Resolved
{
    /// <summary>Runs a query command against the store and its stored resolution, made current first.</summary>
    public static int With(ParseResult parse, Func<IDocumentStore, IResolutionStore, int> body) => CommonOptions.WithStore(parse, store =>
    {
        Ensure(store);
        return body(store, (IResolutionStore)store);
    });

    /// <summary>Resolves the store again when documents, corrections or places changed since it was last resolved.</summary>
    public static void Ensure(IDocumentStore store) => StoredStories.EnsureCurrent(store, () => Resources.ResolveStory(store));

    /// <summary>The ids of the entities a name can mean, by any alias and the transliteration-aware key; null when no name was given.</summary>
    public static IReadOnlyList<string>? Named(IResolutionStore resolved, string? name) => name is null ? null : resolved.EntitiesNamed(name, NameKey.Of(name));

    /// <summary>How these events read, with the names and outlets they refer to.</summary>
    public static (EventText Text, IReadOnlyDictionary<string, string> Outlets) Text(IResolutionStore resolved, IReadOnlyList<Event> events)
    {
        var ids = events.SelectMany(e => e.Actors.Append(e.Place).Concat(e.Reports.Select(r => r.Source))).OfType<string>();
        var documents = events.SelectMany(e => e.Reports.Select(r => r.Document).Concat(e.Conflicts.SelectMany(c => c.Documents)));
        var outlets = resolved.DocumentLabels(documents);
        return (new EventText(resolved.EntityNames(ids), outlets), outlets);
    }
}
