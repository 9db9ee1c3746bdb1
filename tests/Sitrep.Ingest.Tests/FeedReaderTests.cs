using System.Text;
using Sitrep.Ingest.Feeds;

namespace Sitrep.Ingest.Tests;

public class FeedReaderTests
{
    [Fact]
    public void Rss_items_keep_link_title_author_date_summary_and_full_text()
    {
        var feed = FeedReader.Read("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel><title>Border Courier</title><link>https://courier.example/</link>
                <item><title>Town retaken</title><link>/2025/03/12/town</link><guid>c-1</guid><dc:creator>Iryna Holub</dc:creator>
                  <pubDate>Wed, 12 Mar 2025 18:05:00 +0200</pubDate><description>Troops entered the town.</description>
                  <content:encoded><![CDATA[<p>Troops entered the town on Wednesday, the general staff said.</p>]]></content:encoded></item>
                <item><title>Second</title><link>https://courier.example/b</link><pubDate>Thu, 13 Mar 25 07:00 GMT</pubDate></item>
                <item><title>Third</title><guid>https://courier.example/c</guid></item>
                <item><title>Fourth</title><guid isPermaLink="false">https://courier.example/d</guid></item>
              </channel>
            </rss>
            """);
        Assert.Equal(("rss", "Border Courier", 4), (feed.Format, feed.Title, feed.Items.Count));
        // a guid is the item's address unless the feed says it is not
        Assert.Equal(("https://courier.example/c", null), (feed.Items[2].Link, feed.Items[3].Link));
        var first = feed.Items[0];
        Assert.Equal(("c-1", "/2025/03/12/town", "Town retaken", "Iryna Holub", "2025-03-12T18:05"), (first.Id, first.Link, first.Title, first.Author, first.Published.ToString()));
        Assert.Equal("Troops entered the town.", first.Summary);
        Assert.Contains("<p>Troops entered", first.Content);
        Assert.Equal("2025-03-13T07:00", feed.Items[1].Published.ToString());
        Assert.Null(feed.Items[1].Content);
    }

    [Fact]
    public void Atom_entries_and_rss_1_0_items_are_read_too()
    {
        var atom = FeedReader.Read("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Field Notes</title><link href="https://notes.example/"/>
              <author><name>Desk</name></author>
              <entry><id>tag:notes,1</id><title>Bridge hit</title><link rel="alternate" href="https://notes.example/bridge"/>
                <published>2024-08-16T09:30:00Z</published><summary type="html">&lt;b&gt;A bridge&lt;/b&gt; was hit.</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>A bridge over the river was hit on Friday.</p></div></content></entry>
            </feed>
            """);
        var entry = Assert.Single(atom.Items);
        Assert.Equal(("atom", "https://notes.example/bridge", "Desk", "2024-08-16T09:30"), (atom.Format, entry.Link, entry.Author, entry.Published.ToString()));
        Assert.Equal("<p>A bridge over the river was hit on Friday.</p>", entry.Content);
        Assert.Equal("<b>A bridge</b> was hit.", entry.Summary);

        var rdf = FeedReader.Read("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://old.example/"><title>Old Wire</title></channel>
              <item rdf:about="https://old.example/1"><title>One</title><link>https://old.example/1</link><dc:date>2024-09-21</dc:date></item>
            </rdf:RDF>
            """);
        Assert.Equal(("Old Wire", "https://old.example/1", "2024-09-21"), (rdf.Title, rdf.Items[0].Link, rdf.Items[0].Published.ToString()));
    }

    [Fact]
    public void Entity_expansion_and_broken_xml_are_refused_with_where_and_why()
    {
        var laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\">");
        for (var i = 1; i < 10; i++) laughs.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">");
        laughs.Append("]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");
        Assert.True(FeedReader.LooksLikeFeed(laughs.ToString()));
        var bomb = Assert.Throws<InputRejectedException>(() => FeedReader.Read(laughs.ToString()));
        Assert.Contains("not well-formed XML", bomb.Message);

        var broken = Assert.Throws<InputRejectedException>(() => FeedReader.Read("<rss version=\"2.0\">\n<channel><title>x</channel></rss>"));
        Assert.Contains("line 2", broken.Message);
        Assert.Contains("not an RSS or Atom feed", Assert.Throws<InputRejectedException>(() => FeedReader.Read("<catalog><book/></catalog>")).Message);
    }

    [Fact]
    public void Feeds_are_told_from_pages_by_their_opening()
    {
        Assert.True(FeedReader.LooksLikeFeed("\uFEFF<?xml version=\"1.0\"?>\n<!-- generated -->\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        Assert.True(FeedReader.LooksLikeFeed("<?xml version=\"1.0\"?><?xml-stylesheet href=\"s.xsl\"?><rss version=\"2.0\">"u8));
        Assert.False(FeedReader.LooksLikeFeed("<!DOCTYPE html><html><body><p>rss</p></body></html>"));
        Assert.False(FeedReader.LooksLikeFeed("A plain article that mentions <rss> in passing."));
    }
}
