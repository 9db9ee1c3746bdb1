using System.Text;
using Sitrep.Ingest.Decoding;
using Sitrep.Ingest.Web;
using Sitrep.Tests;

namespace Sitrep.Ingest.Tests;

public class FetcherTests
{
    private static readonly FetchOptions Quick = new() { Timeout = TimeSpan.FromSeconds(5), FirstBackoff = TimeSpan.FromMilliseconds(10), MaxBytes = 1 << 20 };

    private static string Problem(Func<FetchResult> fetch) => Assert.Throws<InputRejectedException>(() => fetch()).Message;

    [Fact]
    public void A_page_comes_with_its_charset_and_the_request_names_sitrep()
    {
        var cyrillic = Encoding.GetEncoding("windows-1251").GetBytes("<html><body><p>Суджа</p></body></html>");
        using var server = new LocalHttpServer(_ => new HttpAnswer(200, ContentType: "text/html; charset=windows-1251", Bytes: cyrillic));
        using var fetcher = new Fetcher(Quick);
        var page = fetcher.Get(server.Url("/news/1"));
        Assert.Equal(("text/html", "windows-1251"), (page.MediaType, page.Charset));
        Assert.Contains("Суджа", TextDecoder.Decode(page.Bytes, page.Charset).Text);
        Assert.StartsWith("Sitrep/", server.Requests.Single().Headers["User-Agent"]);
    }

    [Fact]
    public void Redirects_are_followed_to_a_limit_and_loops_are_named()
    {
        using var server = new LocalHttpServer(r => r.Path switch
        {
            "/old" => HttpAnswer.Redirect("/new", 301),
            "/new" => HttpAnswer.Ok("<p>moved here</p>"),
            "/a" => HttpAnswer.Redirect("/b"),
            "/b" => HttpAnswer.Redirect("/a"),
            _ when r.Path.StartsWith("/hop") => HttpAnswer.Redirect("/hop" + (int.Parse(r.Path[4..]) + 1)),
            _ => new HttpAnswer(404),
        });
        using var fetcher = new Fetcher(Quick);
        var moved = fetcher.Get(server.Url("/old"));
        Assert.Equal("/new", moved.Url.AbsolutePath);
        Assert.Contains("redirect loop", Problem(() => fetcher.Get(server.Url("/a"))));
        Assert.Contains("more than 5 redirects", Problem(() => fetcher.Get(server.Url("/hop1"))));
        Assert.Contains("HTTP 404", Problem(() => fetcher.Get(server.Url("/missing"))));
    }

    [Fact]
    public void Busy_servers_are_asked_again_after_a_pause_and_errors_that_persist_are_reported()
    {
        var calls = 0;
        using var server = new LocalHttpServer(r => r.Path == "/busy"
            ? Interlocked.Increment(ref calls) switch
            {
                1 => new HttpAnswer(503),
                2 => new HttpAnswer(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "0" }),
                _ => HttpAnswer.Ok("<p>at last</p>"),
            }
            : new HttpAnswer(500));
        using var fetcher = new Fetcher(Quick);
        Assert.Contains("at last", Encoding.UTF8.GetString(fetcher.Get(server.Url("/busy")).Bytes));
        Assert.Equal(3, calls);
        Assert.Contains("HTTP 500 after 4 attempts", Problem(() => fetcher.Get(server.Url("/broken"))));
    }

    [Fact]
    public void What_is_not_a_page_too_large_silent_or_not_http_is_refused_with_the_reason()
    {
        using var server = new LocalHttpServer(r => r.Path switch
        {
            "/photo" => new HttpAnswer(200, "binary", "image/png"),
            "/huge" => HttpAnswer.Ok(new string('x', 2 << 20)),
            _ => new HttpAnswer(200, Silent: true),
        });
        using var fetcher = new Fetcher(Quick);
        Assert.Contains("not a web page or feed (content type image/png)", Problem(() => fetcher.Get(server.Url("/photo"))));
        Assert.Contains("size limit", Problem(() => fetcher.Get(server.Url("/huge"))));
        using var impatient = new Fetcher(Quick with { Timeout = TimeSpan.FromMilliseconds(300) });
        Assert.Contains("no answer within 0.3 s", Problem(() => impatient.Get(server.Url("/silent"))));
        Assert.Contains("only http and https", Problem(() => fetcher.Get("ftp://127.0.0.1/feed.xml")));
    }

    [Fact]
    public void A_second_request_asks_only_for_changes()
    {
        using var server = new LocalHttpServer(r => r.Headers.TryGetValue("If-None-Match", out var tag) && tag == "\"v1\""
            ? new HttpAnswer(304)
            : new HttpAnswer(200, "<p>first</p>", Headers: new Dictionary<string, string> { ["ETag"] = "\"v1\"", ["Last-Modified"] = "Wed, 12 Mar 2025 10:00:00 GMT" }));
        using var fetcher = new Fetcher(Quick);
        var first = fetcher.Get(server.Url("/feed"));
        Assert.Equal(("\"v1\"", "Wed, 12 Mar 2025 10:00:00 GMT"), (first.Validators.ETag, first.Validators.LastModified));
        var second = fetcher.Get(server.Url("/feed"), first.Validators);
        Assert.True(second.NotModified);
        Assert.Equal("Wed, 12 Mar 2025 10:00:00 GMT", server.Requests.Last().Headers["If-Modified-Since"]);
    }

    [Fact]
    public async Task No_more_than_two_requests_at_a_time_go_to_one_host()
    {
        using var server = new LocalHttpServer(_ => new HttpAnswer(200, "<p>slow</p>", Delay: TimeSpan.FromMilliseconds(150)));
        using var fetcher = new Fetcher(Quick);
        var all = Enumerable.Range(0, 6).Select(i => fetcher.GetAsync(server.Url($"/p{i}"))).ToArray();
        await Task.WhenAll(all);
        Assert.Equal(6, server.Requests.Count);
        Assert.InRange(server.MostInFlight, 1, 2);
    }

    [Theory]
    [InlineData("https://example.org/2025/03/12/sudzha-retaken", "2025-03-12")]
    [InlineData("https://example.org/news/2024-08-07-incursion", "2024-08-07")]
    [InlineData("https://example.org/a/20250313/story.html", "2025-03-13")]
    [InlineData("https://example.org/2024/09/kursk", "2024-09")]
    [InlineData("https://example.org/news/12345/story", null)]
    [InlineData("https://example.org/1200/03/12/story", null)]
    public void Dates_in_addresses(string url, string? expected) => Assert.Equal(expected, UrlDate.Find(url)?.ToString());
}
