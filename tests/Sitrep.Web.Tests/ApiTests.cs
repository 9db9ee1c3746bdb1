using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sitrep.Web.Tests;

[Collection(SamplesCollection.Name)]
public sealed class ApiTests(ServedSamples samples) : IAsyncLifetime
{
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        (_app, _client) = samples.InMemory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private async Task<JsonElement> Get(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    [Fact]
    public async Task Events_are_listed_in_date_order_and_paged()
    {
        var all = await Get("/api/events?limit=500");
        var total = all.GetProperty("total").GetInt32();
        Assert.True(total >= 10, $"only {total} events from the samples");
        var dates = Items(all).Select(e => e.GetProperty("date").GetString()).OfType<string>().ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        var second = await Get("/api/events?offset=2&limit=2");
        Assert.Equal(total, second.GetProperty("total").GetInt32());
        Assert.Equal(Items(all).Skip(2).Take(2).Select(e => e.GetProperty("id").GetString()), Items(second).Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Event_filters_narrow_by_place_type_date_and_text()
    {
        var atKherson = Items(await Get("/api/events?place=Kherson&limit=500")).ToList();
        Assert.NotEmpty(atKherson);
        Assert.All(atKherson, e => Assert.Contains("Kherson", e.GetProperty("place").GetProperty("name").GetString()));
        var evacuations = Items(await Get("/api/events?type=evacuation&limit=500")).ToList();
        Assert.NotEmpty(evacuations);
        Assert.All(evacuations, e => Assert.Equal("evacuation", e.GetProperty("type").GetString()));
        var late = Items(await Get("/api/events?from=2023-06-08&limit=500")).ToList();
        Assert.All(late, e => Assert.True(string.CompareOrdinal(e.GetProperty("dateTo").GetString(), "2023-06-08") >= 0));
        var searched = Items(await Get("/api/events?q=evacuat&limit=500")).ToList();
        Assert.NotEmpty(searched);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/events?type=picnic")).StatusCode);
    }

    [Fact]
    public async Task An_event_gives_each_outlets_report_quoted_from_its_article()
    {
        var multi = Items(await Get("/api/events?limit=500")).First(e => e.GetProperty("reports").GetInt32() >= 2);
        var view = await Get("/api/events/" + multi.GetProperty("id").GetString());
        var reports = view.GetProperty("reports").EnumerateArray().ToList();
        Assert.True(reports.Select(r => r.GetProperty("document").GetString()).Distinct().Count() >= 2);
        foreach (var r in reports)
        {
            var body = (await Get("/api/documents/" + r.GetProperty("document").GetString())).GetProperty("body").GetString()!;
            var (start, end) = (r.GetProperty("start").GetInt32(), r.GetProperty("end").GetInt32());
            Assert.Equal(body[start..end], r.GetProperty("quote").GetString());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/events/e-nothing")).StatusCode);
    }

    [Fact]
    public async Task Entities_are_found_by_any_spelling_with_why_each_was_joined()
    {
        var found = Items(await Get("/api/entities?q=Zelenskiy")).ToList();
        var zelensky = Assert.Single(found, e => e.GetProperty("type").GetString() == "PER" && e.GetProperty("name").GetString()!.StartsWith("Volodymyr", StringComparison.Ordinal));
        var entity = await Get("/api/entities/" + zelensky.GetProperty("id").GetString());
        var aliases = entity.GetProperty("aliases").EnumerateArray().ToList();
        Assert.True(aliases.Count >= 2);
        Assert.All(aliases, a => Assert.False(string.IsNullOrEmpty(a.GetProperty("why").GetString())));
        var places = Items(await Get("/api/entities?type=LOC&limit=500")).ToList();
        Assert.Contains(places, p => p.GetProperty("lat").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task A_document_gives_its_body_and_every_annotation_as_offsets()
    {
        var docs = Items(await Get("/api/documents?limit=500")).ToList();
        Assert.Equal(10, docs.Count);
        var kyiv = docs.First(d => d.GetProperty("outlet").GetString() == "Kyiv Wire");
        var d = await Get("/api/documents/" + kyiv.GetProperty("id").GetString());
        var body = d.GetProperty("body").GetString()!;
        foreach (var kind in new[] { "mentions", "times", "quantities", "claims" })
        {
            var spans = d.GetProperty(kind).EnumerateArray().ToList();
            Assert.True(spans.Count > 0, "no " + kind);
            Assert.All(spans, s => Assert.InRange(s.GetProperty("end").GetInt32(), s.GetProperty("start").GetInt32() + 1, body.Length));
        }
        var linked = d.GetProperty("mentions").EnumerateArray().Where(m => m.GetProperty("entity").ValueKind == JsonValueKind.String).ToList();
        Assert.NotEmpty(linked);
        Assert.NotEmpty(d.GetProperty("events").EnumerateArray());
        var searched = Items(await Get("/api/documents?q=Kakhovka")).ToList();
        Assert.NotEmpty(searched);
    }

    [Fact]
    public async Task Claims_filter_by_source_and_subject()
    {
        var peskov = Items(await Get("/api/claims?source=Peskov&limit=500")).ToList();
        Assert.NotEmpty(peskov);
        Assert.All(peskov, c => Assert.Contains("Peskov", c.GetProperty("source").GetProperty("name").GetString()));
        var about = Items(await Get("/api/claims?about=Kherson&limit=500")).ToList();
        Assert.NotEmpty(about);
        Assert.All(about, c => Assert.Contains("Kherson", c.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_export_and_the_openapi_document_are_served()
    {
        var export = await Get("/api/export?format=json");
        Assert.Equal(1, export.GetProperty("version").GetInt32());
        Assert.Equal(10, export.GetProperty("documents").GetArrayLength());
        var geo = await Get("/api/export?format=geojson");
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/export?format=csv")).StatusCode);
        var openapi = await Get("/openapi.json");
        var paths = openapi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/api/events", "/api/events/{id}", "/api/entities", "/api/entities/{id}", "/api/documents/{id}", "/api/claims", "/api/export", "/api/entities/merge" })
            Assert.Contains(path, paths);
    }
}
