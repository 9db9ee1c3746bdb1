using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sitrep.Core.Events;
using Sitrep.Resolve;
using Sitrep.Store;
using Sitrep.Store.Export;
using Sitrep.Store.Sqlite;

namespace Sitrep.Web.Api;

/// <summary>The read side of the API: events, entities, claims, documents and the export, each a page of JSON.</summary>
internal static class ReadEndpoints
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    public static void MapReads(this IEndpointRouteBuilder api, ServeOptions options)
    {
        api.MapGet("/events", (string? place, string? actor, string? type, DateOnly? from, DateOnly? to, string? q, string? status, int? offset, int? limit) =>
        {
            if (type is not null && !EventTypes.IsKnown(type)) return Results.BadRequest(new ProblemView($"'{type}' is not an event type"));
            using var store = Open(options);
            var query = new EventQuery
            {
                From = from, To = to, Type = type, Status = status, Text = Blank(q), Places = Named(store, place), Actors = Named(store, actor),
                Offset = Math.Max(0, offset ?? 0), Limit = Limit(limit),
            };
            var page = store.Events(query);
            return Results.Ok(new PageView<EventSummaryView>(new ViewMaker(store).Summaries(page.Items), page.Total, query.Offset, query.Limit));
        }).WithSummary("Events in date order; filters: place, actor (any spelling), type, from, to (yyyy-mm-dd), q (full text), status");

        api.MapGet("/event-types", () => EventTypes.All).WithSummary("The kinds of event the type filter takes");

        api.MapGet("/events/{id}", (string id) =>
        {
            using var store = Open(options);
            return store.Event(id) is { } e ? Results.Ok(new ViewMaker(store).Event(e)) : NotFound("event", id);
        }).WithSummary("One event: each outlet's report with the claim it rests on (quoted, with offsets), its source and stance, and the conflicts");

        api.MapGet("/entities", (string? q, string? type, int? offset, int? limit) =>
        {
            using var store = Open(options);
            var name = Blank(q);
            var page = store.Entities(name, name is null ? null : NameKey.Of(name), type, Math.Max(0, offset ?? 0), Limit(limit));
            var items = page.Items.Select(e => new EntitySummaryView(e.Id, e.Type, e.Name, e.Mentions, e.Documents, e.Geo?.Lat, e.Geo?.Lon)).ToList();
            return Results.Ok(new PageView<EntitySummaryView>(items, page.Total, page.Offset, Limit(limit)));
        }).WithSummary("People, places and organisations, most mentioned first; q matches any spelling, type is PER, LOC, ORG or MISC");

        api.MapGet("/entities/{id}", (string id) =>
        {
            using var store = Open(options);
            return store.Entity(id) is { } e ? Results.Ok(new ViewMaker(store).Entity(e)) : NotFound("entity", id);
        }).WithSummary("One entity: its spellings, why each was joined, and the events it takes part in");

        api.MapGet("/claims", (string? source, string? about, bool? all, int? offset, int? limit) =>
        {
            using var store = Open(options);
            var page = store.ResolvedClaims(new ClaimQuery
            {
                Sources = Named(store, source), About = Named(store, about), All = all ?? false, Offset = Math.Max(0, offset ?? 0), Limit = Limit(limit),
            });
            return Results.Ok(new PageView<ClaimView>(new ViewMaker(store).Claims(page.Items), page.Total, page.Offset, Limit(limit)));
        }).WithSummary("Who claims what: attributed sentences with their source and stance; source and about take any spelling");

        api.MapGet("/documents", (string? q, int? offset, int? limit) =>
        {
            using var store = Open(options);
            var (ids, total) = Blank(q) is { } text ? Search(store, text, offset, limit) : (store.DocumentIds().Skip(Math.Max(0, offset ?? 0)).Take(Limit(limit)).ToList(), store.Count());
            var items = ids.Select(id => store.Find(id)).OfType<Core.Documents.Document>()
                .Select(d => new DocumentSummaryView(d.Id, d.Title, d.Outlet ?? d.Title ?? Path.GetFileName(d.Source), d.Published.Value?.ToString())).ToList();
            return Results.Ok(new PageView<DocumentSummaryView>(items, total, Math.Max(0, offset ?? 0), Limit(limit)));
        }).WithSummary("Stored articles; q searches titles and bodies");

        api.MapGet("/documents/{id}", (string id) =>
        {
            using var store = Open(options);
            return store.Find(id) is { } d && d.Id == id ? Results.Ok(new ViewMaker(store).Document(d)) : NotFound("document", id);
        }).WithSummary("One article: its body and every annotation (mentions, times, quantities, claims) as offsets into it");

        api.MapGet("/export", (string? format) =>
        {
            var fmt = (format ?? "json").ToLowerInvariant();
            if (fmt is not ("json" or "jsonl" or "geojson"))
                return Results.BadRequest(new ProblemView("format is json, jsonl or geojson (csv writes a folder: use 'sitrep export --format csv')"));
            // the export writer writes synchronously; it writes to a temporary file that is then streamed
            var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            using (var store = Open(options))
            {
                var story = store.LoadStory();
                if (fmt == "geojson") ExportWriter.WriteGeoJson(story, file);
                else if (fmt == "json") ExportWriter.WriteJson(store, story, file, DateTimeOffset.UtcNow);
                else ExportWriter.WriteJsonLines(store, story, file, DateTimeOffset.UtcNow);
            }
            file.Position = 0;
            var type = fmt switch { "geojson" => "application/geo+json", "jsonl" => "application/x-ndjson", _ => "application/json" };
            return Results.File(file, type, "sitrep." + fmt);
        }).WithSummary("The public export (export-v1): format json, jsonl or geojson");
    }

    private static (List<string>, int) Search(SqliteDocumentStore store, string text, int? offset, int? limit)
    {
        var page = store.SearchDocuments(text, Math.Max(0, offset ?? 0), Limit(limit));
        return (page.Items.ToList(), page.Total);
    }

    internal static SqliteDocumentStore Open(ServeOptions options) => new(options.DatabasePath);

    private static IReadOnlyList<string>? Named(IResolutionStore store, string? name) =>
        Blank(name) is { } n ? store.EntitiesNamed(n, NameKey.Of(n)) : null;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static int Limit(int? limit) => Math.Clamp(limit ?? DefaultLimit, 0, MaxLimit);

    private static IResult NotFound(string what, string id) => Results.NotFound(new ProblemView($"no {what} '{id}'"));
}
