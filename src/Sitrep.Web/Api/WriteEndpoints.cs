using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sitrep.Core.Entities;
using Sitrep.Pipeline.Ingest;
using Sitrep.Pipeline.Show;
using Sitrep.Store.Sqlite;

namespace Sitrep.Web.Api;

/// <summary>
/// The write side: articles in, and corrections of entity resolution. Each needs the server's token, and writes run one
/// at a time, each followed by resolving the store again so that every read after it sees the change.
/// </summary>
internal static class WriteEndpoints
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static void MapWrites(this IEndpointRouteBuilder api, ServeOptions options)
    {
        api.MapPost("/documents", async (PostDocument body, HttpRequest request) =>
        {
            if (!Security.Authorized(request, options.Token)) return Results.Unauthorized();
            if (options.Reader is not { } reader) return Results.Json(new ProblemView("this server has no document reader"), statusCode: 503);
            if ((body.Text is null) == (body.Url is null)) return Results.BadRequest(new ProblemView("give either text (an article or a web page) or url"));
            string input;
            if (body.Url is { } url)
            {
                // only web addresses: a path here would make the server read its own files
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    return Results.BadRequest(new ProblemView("url must be an absolute http or https address"));
                if (options.Fetcher is null) return Results.Json(new ProblemView("this server does not fetch addresses"), statusCode: 503);
                input = uri.AbsoluteUri;
            }
            else input = "-";
            var bytes = Encoding.UTF8.GetBytes(body.Text ?? "");
            return await Write(options, store =>
            {
                var items = new List<IngestItem>();
                var job = new IngestJob(store, new IngestOptions { MaxBytes = options.MaxRequestBytes }, reader, options.Fetcher);
                var summary = job.Run([input], items.Add, standardInput: () => new MemoryStream(bytes));
                var view = new IngestedView(items.Select(i => i.DocumentId).OfType<string>().Distinct().ToList(), summary.Added + summary.NearDuplicates,
                    summary.Duplicates + summary.AlreadyStored + summary.Unchanged, summary.Failed,
                    items.Where(i => i.Outcome is IngestOutcome.Failed or IngestOutcome.Skipped).Select(i => $"{i.Source}: {i.Detail}").ToList());
                return summary.Failed > 0 && view.Documents.Count == 0 ? Results.UnprocessableEntity(view) : Results.Ok(view);
            });
        }).WithSummary("Ingest an article: JSON {\"text\": \"...\"} (plain text or a whole HTML page) or {\"url\": \"https://...\"}; needs the token");

        api.MapPost("/entities/merge", (CorrectionRequest body, HttpRequest request) => Correct(options, request, CorrectionKind.Merge, body))
            .WithSummary("Join the entity written A with the entity written B; kept across reprocess; needs the token");
        api.MapPost("/entities/split", (CorrectionRequest body, HttpRequest request) => Correct(options, request, CorrectionKind.Split, body))
            .WithSummary("Split the spelling B off the entity written A; kept across reprocess; needs the token");
    }

    private static async Task<IResult> Correct(ServeOptions options, HttpRequest request, CorrectionKind kind, CorrectionRequest body)
    {
        if (!Security.Authorized(request, options.Token)) return Results.Unauthorized();
        if (string.IsNullOrWhiteSpace(body.A) || string.IsNullOrWhiteSpace(body.B)) return Results.BadRequest(new ProblemView("give a and b"));
        return await Write(options, store =>
        {
            if (new[] { body.A, body.B }.FirstOrDefault(n => store.EntitiesNamed(n, key: null).Count == 0) is { } unknown)
                return Results.BadRequest(new ProblemView($"no entity is written '{unknown}'"));
            using (var tx = store.Begin())
            {
                store.AddCorrection(new EntityCorrection(kind, body.A, body.B));
                tx.Commit();
            }
            return null;
        }, after: store => Results.Ok(store.EntitiesNamed(body.A, key: null).Concat(store.EntitiesNamed(body.B, key: null)).Distinct().ToList()));
    }

    /// <summary>Runs a write alone, then resolves the store again; <paramref name="after"/> answers from the new resolution.</summary>
    private static async Task<IResult> Write(ServeOptions options, Func<SqliteDocumentStore, IResult?> write, Func<SqliteDocumentStore, IResult>? after = null)
    {
        await Gate.WaitAsync();
        try
        {
            return await Task.Run(() =>
            {
                using var store = ReadEndpoints.Open(options);
                var answer = write(store);
                StoredStories.EnsureCurrent(store, () => options.Resolve(store));
                return answer ?? after?.Invoke(store) ?? Results.Ok();
            });
        }
        finally { Gate.Release(); }
    }
}
