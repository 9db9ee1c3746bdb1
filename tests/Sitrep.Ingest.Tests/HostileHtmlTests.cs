using System.Text;
using Sitrep.Ingest.Decoding;
using Sitrep.Ingest.Html;

namespace Sitrep.Ingest.Tests;

public class HostileHtmlTests
{
    [Fact]
    public void A_hundred_thousand_nested_elements_are_read_without_overflow()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>The text at the bottom of the well, long enough to be an article paragraph.</p>"
            + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>";
        var article = HtmlArticleExtractor.Extract(html);
        Assert.Contains("bottom of the well", article.Body);
    }

    [Fact]
    public void Paragraphs_lists_scripts_and_references_are_grouped_as_a_browser_groups_them()
    {
        const string sentence = "Officials in the region said the evacuation would continue through the night, and that buses were waiting";
        var a = HtmlArticleExtractor.Extract($"""
            <!DOCTYPE html><html lang="uk"><head><title>Evacuation &amp; aid | Oblast News</title>
            <script>document.write("<p>{sentence} in script.</p></div>");</script><style>p.x::after [content: "styled"]</style></head>
            <body><div class="story"><p>{sentence} at the station.<p>{sentence} &ndash; at the school&#8217;s gate.
            <ul><li>{sentence} first<li>{sentence} second</ul>
            <svg><title>icon</title><path d="M0"/><text>vector text</text></svg>
            <p>{sentence}&nbsp;at&nbsp;the&nbsp;port.</p></div></body></html>
            """);
        string[] expected = [$"{sentence} at the station.", $"{sentence} – at the school’s gate.", $"{sentence} first", $"{sentence} second", $"{sentence} at the port."];
        Assert.Equal(expected, a.Body.Split("\n\n"));
        Assert.Equal(("Evacuation & aid", "uk"), (a.Title, a.Language));
    }

    [Fact]
    public void A_thirty_megabyte_page_is_read_whole()
    {
        var paragraph = "<p>Shelling continued along the border through the night, the regional governor said, and two villages lost power.</p>\n";
        var html = "<html><body><article>" + string.Concat(Enumerable.Repeat(paragraph, 30 * 1024 * 1024 / paragraph.Length)) + "</article></body></html>";
        var article = HtmlArticleExtractor.Extract(html);
        Assert.Equal(30 * 1024 * 1024 / paragraph.Length, article.Body.Split("\n\n").Length);
    }

    [Fact]
    public void A_page_declares_its_charset_in_a_meta_tag()
    {
        var latin = Encoding.Latin1.GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>Caf\u00e9 on the square</p></body></html>");
        Assert.Equal("iso-8859-1", MetaCharset.Sniff(latin));
        var decoded = TextDecoder.Decode(latin);
        Assert.Equal("windows-1252", decoded.EncodingName);
        Assert.Contains("Café", decoded.Text);
        // what the HTTP response declares comes first, and valid UTF-8 outranks a stale meta tag
        Assert.Contains("Café", TextDecoder.Decode(Encoding.Latin1.GetBytes("<p>Caf\u00e9</p>"), "iso-8859-1").Text);
        Assert.Equal("utf-8", TextDecoder.Decode(Encoding.UTF8.GetBytes("<meta charset=\"windows-1251\"><p>Café</p>")).EncodingName);
    }

    [Fact]
    public void Json_ld_is_read_from_the_page_text_although_script_text_is_not_parsed()
    {
        var a = HtmlArticleExtractor.Extract("""
            <html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Ceasefire talks","datePublished":"2025-03-11T17:40:00+03:00","author":[{"name":"A. Writer"}],"publisher":{"name":"Wire"}}]}</script>
            <script>var x = "<p>not text</p>";</script></head><body><p>Talks began in Jeddah on Tuesday, officials from both delegations said, and lasted eight hours.</p></body></html>
            """);
        Assert.Equal(("Ceasefire talks", "2025-03-11T17:40", "A. Writer", "Wire"), (a.Title, a.Published.ToString(), a.Author, a.Outlet));
        Assert.DoesNotContain("not text", a.Body);
    }
}
