using System.Collections.Concurrent;
using Sitrep.Core.Time;
using Sitrep.Ingest.Web;
using Sitrep.Pipeline.Ingest;
using Sitrep.Store.Sqlite;
using Sitrep.Tests;

namespace Sitrep.Store.Tests;

public class FeedIngestTests
{
    private static readonly FetchOptions Quick = new() { Timeout = TimeSpan.FromSeconds(5), FirstBackoff = TimeSpan.FromMilliseconds(10), Retries = 1 };

    private const string Paragraph = "Engineers inspected the damaged bridge over the river on Thursday, the regional administration said, and found two spans unsafe for traffic. ";

    private static string Page(string title, string published, string lead) => $$"""
        <html lang="en"><head><title>{{title}} | Valley Post</title><meta property="og:site_name" content="Valley Post">
        {{(published.Length > 0 ? $"<link rel=\"canonical\" href=\"https://valley.example/{title.Split(' ')[0].ToLowerInvariant()}\">" : "")}}
        {{(published.Length > 0 ? $"<meta property=\"article:published_time\" content=\"{published}\">" : "")}}</head>
        <body><nav><a href="/">Home</a></nav><article><h1>{{title}}</h1><p>{{lead}}</p><p>{{Paragraph}}</p><p>{{Paragraph.Replace("Thursday", "Friday")}}</p></article></body></html>
        """;

    /// <summary>An article's worth of text (over the length below which a feed's text counts as a teaser).</summary>
    private static readonly string FullText = string.Concat(new[] { "bridge", "dam", "canal", "road", "school" }.Select(w => $"<p>{Paragraph.Replace("bridge", w)}</p>"));

    private static string Rss(IEnumerable<string> items) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Valley Post</title><link>https://valley.example/</link>
        {string.Concat(items)}
        </channel></rss>
        """;

    private static string Item(string title, string link, string pubDate, string? content = null) =>
        $"<item><title>{title}</title><link>{link}</link><pubDate>{pubDate}</pubDate><description>Short teaser.</description>" +
        (content is null ? "" : $"<content:encoded><![CDATA[{content}]]></content:encoded>") + "</item>";

    private static (List<IngestItem> Items, IngestSummary Summary) Ingest(SqliteDocumentStore store, Fetcher? fetcher, params string[] inputs)
    {
        var items = new List<IngestItem>();
        var summary = new IngestJob(store, new IngestOptions(), new DocumentReader(null), fetcher).Run(inputs, items.Add);
        return (items, summary);
    }

    [Fact]
    public void A_feed_file_with_full_text_becomes_one_document_an_item_dated_and_titled_by_the_feed()
    {
        using var dir = new TempDir();
        var full = FullText;
        var feed = dir.File("in/valley.rss", Rss([
            Item("Bridge closed", "https://valley.example/bridge", "Thu, 13 Mar 2025 09:15:00 +0200", full),
            Item("Dam checked", "https://valley.example/dam", "Fri, 14 Mar 2025 10:00:00 +0200", full.Replace("Thursday", "Friday")),
        ]));
        using var store = new SqliteDocumentStore(dir.Combine("s.db"));

        var (_, summary) = Ingest(store, null, dir.Combine("in"));

        Assert.Equal((2, 0), (summary.Added, summary.Failed));
        var bridge = store.Find(store.FindBySource("https://valley.example/bridge")!)!;
        Assert.Equal(("Bridge closed", "Valley Post", DateSource.Feed, "2025-03-13T09:15"), (bridge.Title, bridge.Outlet, bridge.Published.Source, bridge.Published.Value.ToString()));
        Assert.StartsWith("Engineers inspected the damaged bridge", bridge.Body);
        Assert.Equal(0, Ingest(store, null, feed).Summary.Added);

        // the feed's date was kept with the bytes, so reading them again gives the same document
        Reprocessor.Run(store, new DocumentReader(null));
        Assert.Equal(bridge.Published, store.Find(bridge.Id)!.Published);
    }

    [Fact]
    public void A_feed_url_with_teasers_fetches_each_article_and_a_bad_link_costs_only_its_item()
    {
        var feedRequests = new ConcurrentQueue<string?>();
        LocalHttpServer? server = null;
        server = new LocalHttpServer(r =>
        {
            switch (r.Path)
            {
                case "/feed.xml":
                    r.Headers.TryGetValue("If-None-Match", out var tag);
                    feedRequests.Enqueue(tag);
                    return tag == "\"f1\""
                        ? new HttpAnswer(304)
                        : new HttpAnswer(200, Rss([
                            Item("Bridge closed", "/news/2025/03/13/bridge", "Thu, 13 Mar 2025 09:15:00 +0200"),
                            Item("Dam checked", server!.Url("/news/dam"), "Fri, 14 Mar 2025 10:00:00 +0200"),
                            Item("Gone", "/news/gone", "Fri, 14 Mar 2025 11:00:00 +0200"),
                        ]), "application/rss+xml", new Dictionary<string, string> { ["ETag"] = "\"f1\"" });
                case "/news/2025/03/13/bridge": return HttpAnswer.Ok(Page("Bridge closed", "", "The bridge was closed to all traffic at dawn."));
                case "/news/dam": return HttpAnswer.Ok(Page("Dam checked", "2025-03-14T08:00:00+02:00", "The dam held, inspectors said."));
                default: return new HttpAnswer(404);
            }
        });
        using var _ = server;
        using var dir = new TempDir();
        using var store = new SqliteDocumentStore(dir.Combine("s.db"));
        using var fetcher = new Fetcher(Quick);

        var (items, summary) = Ingest(store, fetcher, server.Url("/feed.xml"));

        Assert.Equal((2, 1), (summary.Added, summary.Failed));
        var gone = items.Single(i => i.Outcome == IngestOutcome.Failed);
        Assert.Equal((server.Url("/news/gone"), "HTTP 404 Not Found"), (gone.Source, gone.Detail));
        // no date on the page: the feed's date for the item; the page's own date wins where it has one
        var bridge = store.Find(store.FindBySource(server.Url("/news/2025/03/13/bridge"))!)!;
        Assert.Equal((DateSource.Feed, "2025-03-13T09:15", "Bridge closed"), (bridge.Published.Source, bridge.Published.Value.ToString(), bridge.Title));
        Assert.Contains("The bridge was closed to all traffic at dawn.", bridge.Body);
        var dam = store.Find(store.FindBySource(server.Url("/news/dam"))!)!;
        Assert.Equal((DateSource.HtmlMeta, "2025-03-14T08:00"), (dam.Published.Source, dam.Published.Value.ToString()));
        Assert.Equal(("https://valley.example/dam", server.Url("/news/2025/03/13/bridge")), (dam.Url, bridge.Url));

        // the second time the server says the feed has not changed, and nothing is fetched or added
        var again = Ingest(store, fetcher, server.Url("/feed.xml")).Summary;
        Assert.Equal((0, 1, 2), (again.Added, again.Unchanged, store.Count()));
        Assert.Equal(new[] { "(none)", "\"f1\"" }, feedRequests.Select(t => t ?? "(none)").ToArray());
    }

    [Fact]
    public void Feed_items_already_stored_are_not_fetched_again()
    {
        var pageRequests = 0;
        using var server = new LocalHttpServer(r =>
        {
            if (r.Path == "/feed.xml") return new HttpAnswer(200, Rss([Item("Dam checked", "/news/dam", "Fri, 14 Mar 2025 10:00:00 +0200")]), "application/rss+xml");
            Interlocked.Increment(ref pageRequests);
            return HttpAnswer.Ok(Page("Dam checked", "2025-03-14T08:00:00+02:00", "The dam held, inspectors said."));
        });
        using var dir = new TempDir();
        using var store = new SqliteDocumentStore(dir.Combine("s.db"));
        using var fetcher = new Fetcher(Quick);
        Assert.Equal(1, Ingest(store, fetcher, server.Url("/feed.xml")).Summary.Added);
        var second = Ingest(store, fetcher, server.Url("/feed.xml")).Summary;
        Assert.Equal((0, 1, 1), (second.Added, second.AlreadyStored, pageRequests));
    }

    [Fact]
    public void Hostile_sources_fail_one_by_one_and_the_batch_goes_on()
    {
        using var server = new LocalHttpServer(r => r.Path switch
        {
            "/loop" => HttpAnswer.Redirect("/loop2"),
            "/loop2" => HttpAnswer.Redirect("/loop"),
            "/pdf" => new HttpAnswer(200, "%PDF-1.7", "application/pdf"),
            "/bad.xml" => new HttpAnswer(200, "<rss version=\"2.0\"><channel><item><title>x</item></channel></rss>", "application/rss+xml"),
            "/silent" => new HttpAnswer(200, Silent: true),
            _ => HttpAnswer.Ok(Page("Bridge closed", "2025-03-13T09:00:00+02:00", "The bridge was closed to all traffic at dawn.")),
        });
        using var dir = new TempDir();
        using var store = new SqliteDocumentStore(dir.Combine("s.db"));
        using var fetcher = new Fetcher(Quick with { Timeout = TimeSpan.FromSeconds(2) });

        var (items, summary) = Ingest(store, fetcher, server.Url("/loop"), server.Url("/pdf"), server.Url("/bad.xml"), server.Url("/silent"), "ftp://127.0.0.1/x", server.Url("/good"));

        Assert.Equal((1, 5), (summary.Added, summary.Failed));
        string Reason(string path) => items.Single(i => i.Source.EndsWith(path)).Detail!;
        Assert.Contains("redirect loop", Reason("/loop"));
        Assert.Contains("content type application/pdf", Reason("/pdf"));
        Assert.Contains("not well-formed XML", Reason("/bad.xml"));
        Assert.Contains("no answer within", Reason("/silent"));
        Assert.Contains("only http and https", Reason("ftp://127.0.0.1/x"));
    }

    [Fact]
    public void Json_lines_stream_one_article_a_line_with_their_fields_and_bad_lines_named()
    {
        using var dir = new TempDir();
        string Line(object o) => System.Text.Json.JsonSerializer.Serialize(o);
        var path = dir.File("in/articles.jsonl", string.Join("\n",
            Line(new { url = "https://valley.example/bridge", title = "Bridge closed", outlet = "Valley Post", published = "2025-03-13T09:15:00+02:00", text = Paragraph + Paragraph.Replace("bridge", "dam") }),
            "{ not json",
            Line(new { title = "Dam checked", html = FullText, date = "Fri, 14 Mar 2025 10:00:00 +0200" }),
            "",
            Line(new { title = "No text here" }),
            "[1, 2]") + "\n");
        using var store = new SqliteDocumentStore(dir.Combine("s.db"));

        var (items, summary) = Ingest(store, null, dir.Combine("in"));

        Assert.True((2, 3) == (summary.Added, summary.Failed), string.Join("; ", items.Select(i => $"{i.Source} {i.Outcome} {i.Detail}")));
        Assert.Equal([$"{path}:2", $"{path}:5", $"{path}:6"], items.Where(i => i.Outcome == IngestOutcome.Failed).Select(i => i.Source));
        Assert.Contains("not valid JSON", items.Single(i => i.Source.EndsWith(":2")).Detail);
        Assert.Contains("no article text", items.Single(i => i.Source.EndsWith(":5")).Detail);
        var bridge = store.Find(store.FindBySource("https://valley.example/bridge")!)!;
        Assert.Equal(("Bridge closed", "Valley Post", "2025-03-13T09:15", "https://valley.example/bridge"), (bridge.Title, bridge.Outlet, bridge.Published.Value.ToString(), bridge.Url));
        var dam = store.Find(store.FindBySource($"{path}:3")!)!;
        Assert.Equal(("text/html", DateSource.Feed), (dam.MediaType, dam.Published.Source));
        Assert.StartsWith("Engineers inspected", dam.Body);
        Assert.Equal(0, Ingest(store, null, path).Summary.Added);
    }

    [Fact]
    public void A_feed_whose_item_links_back_to_the_feed_ends()
    {
        using var server = new LocalHttpServer(r => new HttpAnswer(200, Rss([Item("Loop", "/feed.xml", "Thu, 13 Mar 2025 09:15:00 +0200")]), "application/rss+xml"));
        using var dir = new TempDir();
        using var store = new SqliteDocumentStore(dir.Combine("s.db"));
        using var fetcher = new Fetcher(Quick);
        var (items, summary) = Ingest(store, fetcher, server.Url("/feed.xml"));
        Assert.Equal((0, 1), (summary.Added, summary.Failed));
        Assert.Equal("a feed item that links to a feed, not to an article", Assert.Single(items).Detail);
    }

    [Fact]
    public void Watching_ingests_what_is_new_each_round_and_stops_when_told()
    {
        var round = 0;
        var full = FullText;
        using var server = new LocalHttpServer(r => new HttpAnswer(200, Rss(Enumerable.Range(1, Volatile.Read(ref round))
            .Select(i => Item($"Report {i}", $"/item/{i}", "Thu, 13 Mar 2025 09:15:00 +0200", full.Replace("Thursday", $"day {i}")))), "application/rss+xml"));
        using var dir = new TempDir();
        using var store = new SqliteDocumentStore(dir.Combine("s.db"));
        using var fetcher = new Fetcher(Quick);
        var job = new IngestJob(store, new IngestOptions(), new DocumentReader(null), fetcher);
        var added = new List<int>();
        using var stop = new CancellationTokenSource();

        var rounds = WatchJob.Run(job, [server.Url("/feed.xml")], TimeSpan.Zero, r =>
        {
            added.Add(r.Summary.Added);
            Interlocked.Increment(ref round);
            if (r.Number == 3) stop.Cancel();
        }, _ => { }, stop.Token);

        // round 1 sees an empty feed (skipped), then one new item a round
        Assert.Equal(3, rounds);
        Assert.Equal([0, 1, 1], added);
        Assert.Equal(2, store.Count());
    }
}
