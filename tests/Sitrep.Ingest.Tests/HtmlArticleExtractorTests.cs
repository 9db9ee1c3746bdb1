using Sitrep.Ingest.Html;

namespace Sitrep.Ingest.Tests;

public class HtmlArticleExtractorTests
{
    private const string Paragraphs = """
        <p>Water from the destroyed reservoir kept rising in the city on Wednesday, a day after the dam collapsed, officials said.</p>
        <p>The governor said more than 1,700 people had been evacuated from the right bank by the evening, and that 24 settlements were flooded.</p>
        <p>Satellite images showed two towns on the left bank almost completely under water, according to analysts who reviewed them.</p>
        """;

    [Fact]
    public void Keeps_the_article_and_drops_navigation_share_bars_and_related_links()
    {
        var html = $$"""
            <html lang="en-GB"><head><title>Flooding: evacuations pass 1,700 | Dnipro Daily</title>
            <meta property="og:site_name" content="Dnipro Daily"><meta name="author" content="Olena Savchuk">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Flooding: evacuations pass 1,700","datePublished":"2023-06-07T18:20:00+03:00"}</script></head>
            <body><nav><a href="/">Home</a> <a href="/war">War</a></nav>
            <div class="share-bar"><a href="#">Share on Facebook</a></div>
            <article><h1>Flooding: evacuations pass 1,700</h1>{{Paragraphs}}</article>
            <div class="related-stories"><ul><li><a href="/a">Another story about something else entirely, with a long headline</a></li></ul></div>
            <footer>© Dnipro Daily. All rights reserved.</footer></body></html>
            """;
        var a = HtmlArticleExtractor.Extract(html);
        Assert.Contains("Water from the destroyed reservoir", a.Body);
        Assert.Contains("24 settlements were flooded", a.Body);
        Assert.DoesNotContain("Share on Facebook", a.Body);
        Assert.DoesNotContain("Another story", a.Body);
        Assert.DoesNotContain("All rights reserved", a.Body);
        Assert.Equal(("Flooding: evacuations pass 1,700", "Dnipro Daily", "Olena Savchuk", "en"), (a.Title, a.Outlet, a.Author, a.Language));
        // the page's own local time, as a reader of the page sees it
        Assert.Equal("2023-06-07T18:20", a.Published.ToString());
    }

    [Fact]
    public void A_page_built_inside_a_form_and_text_parted_by_br_are_still_read()
    {
        var form = HtmlArticleExtractor.Extract($"<html><body><form id='page'><div class='content'>{Paragraphs}</div></form></body></html>");
        Assert.Contains("Satellite images showed", form.Body);
        var br = HtmlArticleExtractor.Extract("<html><body><div class='post-body'>Water from the destroyed reservoir kept rising in the city on Wednesday, officials said, as the river rose.<br><br>The governor said more than 1,700 people had been evacuated from the right bank by the evening.</div></body></html>");
        Assert.Contains("1,700 people had been evacuated", br.Body);
    }

    [Fact]
    public void Malformed_and_empty_pages_give_an_empty_body_not_an_error()
    {
        Assert.Equal("", HtmlArticleExtractor.Extract("<html><body><div><p>short</div></span></html>").Body.Trim() is var b && b.Length < 10 ? "" : b);
        Assert.Equal("", HtmlArticleExtractor.Extract("").Body);
        var deep = string.Concat(Enumerable.Repeat("<div>", 5000)) + "<p>" + new string('x', 50) + "</p>";
        Assert.NotNull(HtmlArticleExtractor.Extract(deep));
    }

    [Fact]
    public void Without_metadata_the_date_line_shown_on_the_page_dates_it()
    {
        var a = HtmlArticleExtractor.Extract($"""
            <html><body><article><h1>Flooding: evacuations pass 1,700</h1>
            <div class="meta"><span class="timeline-link">Timeline of 2023</span> <span class="article-date">Published 7 June 2023, 18:20</span></div>
            {Paragraphs}</article></body></html>
            """);
        Assert.Equal(("2023-06-07T18:20", Sitrep.Core.Time.DateSource.Header), (a.Published.ToString(), a.PublishedFrom));
        Assert.Null(HtmlArticleExtractor.Extract($"<html><body><div class='date'>Updated daily</div>{Paragraphs}</body></html>").Published);
    }
}
