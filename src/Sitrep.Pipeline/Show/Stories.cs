using Sitrep.Core.Events;
using Sitrep.Resolve;
using Sitrep.Resolve.Events;
using Sitrep.Store;

namespace Sitrep.Pipeline.Show;

public static class Stories
{
    /// <summary>The store resolved: entities (on the map when a gazetteer is given), claims with their sources, and events across articles.</summary>
    /// <param name="affiliations">The event lexicon's words for parties; without them, claims and events are left out.</param>
    public static Story Of(IDocumentStore store, Gazetteer? gazetteer, IReadOnlyDictionary<string, string>? affiliations)
    {
        var entities = Entities.Of(store, gazetteer);
        return affiliations is null ? Story.Of(entities) : EventResolver.Resolve(store.Documents(), entities, affiliations);
    }
}

/// <summary>How events read in a terminal or a brief: one line each, with names instead of ids.</summary>
public sealed class EventText(IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, string> outlets)
{
    public EventText(Story story, IReadOnlyDictionary<string, string> outlets) : this(story.Entities.ToDictionary(e => e.Id, e => e.Name), outlets)
    {
    }

    /// <summary>What each stored document is called where its source is shown: its outlet, else its title, else its file name.</summary>
    public static Dictionary<string, string> Outlets(IEnumerable<Core.Documents.Document> documents) =>
        documents.ToDictionary(d => d.Id, d => d.Outlet ?? d.Title ?? Path.GetFileName(d.Source));

    private readonly IReadOnlyDictionary<string, string> _names = names;

    public string Name(string? id) => id is not null && _names.TryGetValue(id, out var n) ? n : id ?? "";

    public string Label(Event e) => e.Type.Replace('_', ' ');

    /// <summary>"2025-03-12 control change · Sudzha · Russia".</summary>
    public string Headline(Event e)
    {
        var parts = new List<string> { Label(e) };
        if (e.Place is not null) parts.Add(Name(e.Place));
        if (e.Actors.Count > 0) parts.Add(string.Join(", ", e.Actors.Take(3).Select(Name)));
        if (e.Quantities.Count > 0) parts.Add(string.Join(", ", e.Quantities.Take(3).Select(q => q.Text)));
        return string.Join(" · ", parts);
    }

    public string Date(Event e) => e.Date is null ? "undated" : e.Date.Precision == "range"
        ? $"{e.Date.From:yyyy-MM-dd}…{e.Date.To:yyyy-MM-dd}" + (e.Date.FromText ? "" : " (published)")
        : e.Date.Value + (e.Date.FromText ? "" : " (published)");

    /// <summary>Who the reports rest on: the named source, or the outlet speaking for itself.</summary>
    public string Sources(Event e) => string.Join("; ", e.Reports.Select(r =>
    {
        var outlet = outlets.TryGetValue(r.Document, out var o) ? o : r.Document;
        var source = r.Source is null ? null : _names.TryGetValue(r.Source, out var n) ? n : r.Source;
        return source is null ? outlet : $"{source} via {outlet}";
    }));

    public string Conflict(EventConflict c) => $"{c.Field}: " + string.Join(" vs ", c.Values.Zip(c.Documents, (v, d) => $"{v} ({(outlets.TryGetValue(d, out var o) ? o : d)})"));
}
