using Sitrep.Ingest.Html;

namespace Sitrep.Ingest.Tests;

/// <summary>The three ways extraction failed on pages nobody tuned for, each as a class of page written here.</summary>
public class ArticleBodyTests
{
    private static string Paragraph(int section, int i) =>
        $"<p>Section {section}, paragraph {i}: the engineers said the bridge over the river had been repaired twice since spring, " +
        "and that the convoys crossing it at night, slowed by checkpoints and by the weather, now took most of a day.</p>";

    private static string Section(int section, int paragraphs) =>
        $$"""<section class="outer"><div class="container"><div class="post-section">{{string.Concat(Enumerable.Range(1, paragraphs).Select(i => Paragraph(section, i)))}}</div></div></section>""";

    [Fact]
    public void A_long_article_cut_into_sections_between_pictures_and_quotes_is_kept_whole()
    {
        var html = $$"""
            <html><body><div id="app"><header><a href="/">Home</a></header><div class="post">
            {{Section(1, 3)}}
            <section class="media"><div class="caption"><p>A convoy crosses the repaired bridge at dusk, after the curfew was lifted.</p></div></section>
            {{Section(2, 9)}}
            <section class="quote"><blockquote>“We rebuild it every month,” one engineer said.</blockquote></section>
            {{Section(3, 4)}}
            {{Section(4, 2)}}
            </div><footer>About us</footer></div></body></html>
            """;
        // growing into the ancestor is a setting k-fold cross-validation chooses; here it is on
        var body = HtmlArticleExtractor.Extract(html, new ExtractionSettings { ClimbDensity = 0.9 }).Body;
        foreach (var (section, paragraphs) in new[] { (1, 3), (2, 9), (3, 4), (4, 2) })
            for (var i = 1; i <= paragraphs; i++) Assert.Contains($"Section {section}, paragraph {i}:", body);
    }

    [Fact]
    public void A_short_article_loses_the_furniture_at_its_edges()
    {
        var html = """
            <html><body><div class="page"><div class="story">
            <p><a href="/">News</a> › <a href="/world">World</a></p>
            <p>Updated 13:20</p>
            <p>The ferry resumed on Monday after a month of storms, the operator said, with two crossings a day until spring.</p>
            <p>Passengers should book ahead, the operator added, because the first sailings were already full.</p>
            <p>Have a story? <a href="/tips">Send us your tips and pictures here</a></p>
            <p>Comments</p>
            </div></div></body></html>
            """;
        var body = HtmlArticleExtractor.Extract(html).Body;
        Assert.StartsWith("Updated 13:20", body);
        Assert.EndsWith("Comments", body);
        Assert.DoesNotContain("Send us your tips", body);
        // trimming short lines that end no sentence is a setting k-fold cross-validation chooses; here it is on
        body = HtmlArticleExtractor.Extract(html, new ExtractionSettings { EdgeShort = 40 }).Body;
        Assert.StartsWith("The ferry resumed on Monday", body);
        Assert.EndsWith("already full.", body);
    }

    [Fact]
    public void A_short_article_is_chosen_over_a_longer_block_of_something_else()
    {
        var comments = string.Concat(Enumerable.Range(1, 30).Select(i =>
            $"<li><a href='/u/{i}'>reader{i}</a> <a href='/c/{i}'>{i} hours ago</a> <a href='/reply/{i}'>Reply</a> <a href='/like/{i}'>Like</a></li>"));
        var html = $$"""
            <html><body>
            <div class="main"><h1>Ferry resumes</h1>
            <p>The ferry resumed on Monday after a month of storms, the operator said, with two crossings a day until spring.</p>
            <p>Passengers should book ahead, the operator added, because the first sailings were already full.</p></div>
            <div class="thread"><ul>{{comments}}</ul></div>
            </body></html>
            """;
        var body = HtmlArticleExtractor.Extract(html).Body;
        Assert.Contains("The ferry resumed on Monday", body);
        Assert.DoesNotContain("reader1", body);
    }

    [Fact]
    public void A_short_article_is_chosen_over_a_longer_list_of_readers_prose_each_in_its_own_box()
    {
        var thread = string.Concat(Enumerable.Range(1, 20).Select(i =>
            $"<div class='item'><div class='who'>reader{i}</div><p>I drove that road in {1990 + i}, and honestly, the bridge was " +
            "always the slow part, with or without the checkpoints, so none of this surprises me at all.</p></div>"));
        var html = $$"""
            <html><body>
            <div class="main"><h1>Ferry resumes</h1>
            <p>The ferry resumed on Monday after a month of storms, the operator said, with two crossings a day until spring.</p>
            <p>Passengers should book ahead, the operator added, because the first sailings were already full.</p>
            <p>The port, closed since early November, lost most of its winter trade, according to the chamber of commerce.</p></div>
            <div class="thread">{{thread}}</div>
            </body></html>
            """;
        var body = HtmlArticleExtractor.Extract(html, new ExtractionSettings { ParagraphsPerParent = 2 }).Body;
        Assert.Contains("The ferry resumed on Monday", body);
        Assert.DoesNotContain("I drove that road", body);
    }

    [Fact]
    public void Every_setting_of_the_grid_reads_the_page_from_one_parse()
    {
        var html = $"<html><body><article>{Section(1, 3)}</article></body></html>";
        var grid = ExtractionSettings.Grid();
        var bodies = HtmlArticleExtractor.ExtractBodies(html, grid);
        Assert.Equal(grid.Count, bodies.Count);
        Assert.All(bodies, b => Assert.Contains("Section 1, paragraph 3:", b));
        Assert.Contains(ExtractionSettings.Default, grid);
    }
}
