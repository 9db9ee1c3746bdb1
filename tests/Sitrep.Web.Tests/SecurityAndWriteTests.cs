using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sitrep.Web.Tests;

[Collection(SamplesCollection.Name)]
public sealed class SecurityAndWriteTests(ServedSamples samples)
{
    [Fact]
    public async Task Every_answer_carries_the_content_security_policy()
    {
        var (app, client) = samples.InMemory(token: null);
        await using var _ = app;
        foreach (var path in new[] { "/", "/index.html", "/api/events", "/openapi.json", "/api/nothing" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(Security.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
        Assert.Contains("script-src 'self'", Security.ContentSecurityPolicy);
        Assert.DoesNotContain("unsafe-inline", Security.ContentSecurityPolicy);
    }

    [Fact]
    public async Task Writes_need_the_token()
    {
        var (app, client) = samples.InMemory(token: null);
        await using var _ = app;
        var merge = new { a = "Kherson", b = "Kherson region" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/entities/merge", merge)).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/entities/merge", merge)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/documents", new { text = "Anything." })).StatusCode);
        Assert.True(Security.NewToken().Length >= 32);
        Assert.NotEqual(Security.NewToken(), Security.NewToken());
        Assert.Equal("127.0.0.1", ServedSamples.Options("x.db").Host);
    }

    [Fact]
    public async Task No_path_outside_the_static_folder_is_served()
    {
        var (app, client) = samples.InMemory(token: null);
        await using var _ = app;
        foreach (var path in new[] { "/../Sitrep.Web.dll", "/..%2fSitrep.Web.dll", "/%2e%2e/%2e%2e/samples.db", "/lib/../../Sitrep.Web.dll", "//etc/passwd" })
        {
            var response = await client.GetAsync(path);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound || !text.Contains("root:", StringComparison.Ordinal), path);
            Assert.NotEqual("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.js")).StatusCode);
    }

    [Fact]
    public async Task A_request_over_the_size_limit_is_refused()
    {
        var (app, client) = samples.InMemory();
        await using var _ = app;
        var huge = new string('x', (int)(ServedSamples.Options("x.db").MaxRequestBytes + 1));
        var response = await client.PostAsJsonAsync("/api/documents", new { text = huge });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_posted_article_is_read_resolved_and_searchable()
    {
        var (app, client) = samples.InMemory();
        await using var _ = app;
        const string article = """
            Ferry service resumes at Mykolaiv
            Harbour Gazette
            9 June 2023

            Ukrainian officials said on Friday that the ferry service at Mykolaiv resumed after a three-day pause, port director Anton Hrytsenko said.
            """;
        var response = await client.PostAsJsonAsync("/api/documents", new { text = article });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documents")[0].GetString();
        var document = await client.GetFromJsonAsync<JsonElement>("/api/documents/" + id);
        Assert.Equal("Ferry service resumes at Mykolaiv", document.GetProperty("title").GetString());
        Assert.Contains(document.GetProperty("mentions").EnumerateArray(), m => m.GetProperty("entity").ValueKind == JsonValueKind.String);
        var entities = await client.GetFromJsonAsync<JsonElement>("/api/entities?q=Hrytsenko");
        Assert.True(entities.GetProperty("total").GetInt32() >= 1);
        var search = await client.GetFromJsonAsync<JsonElement>("/api/documents?q=ferry");
        Assert.Contains(search.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetString() == id);
        // the same article again adds nothing
        var again = await (await client.PostAsJsonAsync("/api/documents", new { text = article })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("added").GetInt32());
    }

    [Fact]
    public async Task A_posted_url_must_be_a_web_address_never_a_local_path()
    {
        var (app, client) = samples.InMemory();
        await using var _ = app;
        foreach (var url in new[] { "/etc/passwd", "file:///etc/passwd", "samples", "ftp://example.org/a" })
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/documents", new { url })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/documents", new { })).StatusCode);
    }

    [Fact]
    public async Task Merge_and_split_correct_the_stored_entities()
    {
        var (app, client) = samples.InMemory();
        await using var _ = app;
        async Task<List<string>> Ids(string name) => (await client.GetFromJsonAsync<JsonElement>($"/api/entities?q={Uri.EscapeDataString(name)}&limit=500"))
            .GetProperty("items").EnumerateArray().Where(e => e.GetProperty("name").GetString() == name).Select(e => e.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(await Ids("Kherson region"));
        var merged = await client.PostAsJsonAsync("/api/entities/merge", new { a = "Kherson region", b = "Novaya Kakhovka" });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var region = (await Ids("Kherson region")).Single();
        var entity = await client.GetFromJsonAsync<JsonElement>("/api/entities/" + region);
        Assert.Contains(entity.GetProperty("aliases").EnumerateArray(), a => a.GetProperty("alias").GetString() == "Novaya Kakhovka");
        var split = await client.PostAsJsonAsync("/api/entities/split", new { a = "Kherson region", b = "Novaya Kakhovka" });
        Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        entity = await client.GetFromJsonAsync<JsonElement>("/api/entities/" + (await Ids("Kherson region")).Single());
        Assert.DoesNotContain(entity.GetProperty("aliases").EnumerateArray(), a => a.GetProperty("alias").GetString() == "Novaya Kakhovka");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/entities/merge", new { a = "Kherson region", b = "Atlantis" })).StatusCode);
    }
}
