using Sitrep.Core.Documents;
using Sitrep.Ingest.PlainText;

namespace Sitrep.Ingest.Tests;

public class PlainTextArticleReaderTests
{
    [Fact]
    public void Takes_outlet_label_title_and_date_lines_from_the_header()
    {
        const string text = "Steppe Herald\nExclusive\n\nFloods reach the outskirts of the regional capital overnight\n\n4 May 2023 Thursday\n08:05\n\nWater reached the outskirts overnight, officials said.";
        var a = PlainTextArticleReader.Read(text);
        Assert.Equal("Steppe Herald", a.Outlet);
        Assert.Equal("Floods reach the outskirts of the regional capital overnight", a.Title);
        Assert.Equal("2023-05-04T08:05", a.HeaderDate.ToString());
        Assert.Equal("Water reached the outskirts overnight, officials said.", a.Body);
        Assert.Equal([CutReason.Outlet, CutReason.Label, CutReason.Title, CutReason.DateLine, CutReason.DateLine], a.Cut.Select(c => c.Reason));
    }

    [Fact]
    public void A_short_first_line_is_the_title_when_no_longer_line_follows()
    {
        var a = PlainTextArticleReader.Read("Dam breached\n\nThe dam was breached at dawn, engineers said on Tuesday.");
        Assert.Null(a.Outlet);
        Assert.Equal("Dam breached", a.Title);
    }

    [Fact]
    public void Cuts_a_timestamped_headline_list_and_everything_after_tags()
    {
        const string text = """
            Bridge reopened to traffic after repairs in the north

            The bridge reopened on Monday after three weeks of repairs, the city said.

            Engineers will inspect it again next month.

            Tags: bridge, repairs
            Read also:
            2023, Monday
            4 September
            17:20
            Storm warning issued for the coast
            16:55
            Exclusive
            Minister resigns over grain deal
            16:31
            Two injured in shelling of market
            More news
            """;
        var a = PlainTextArticleReader.Read(text);
        Assert.Equal("The bridge reopened on Monday after three weeks of repairs, the city said.\n\nEngineers will inspect it again next month.", a.Body);
        Assert.DoesNotContain(a.Cut, c => c.Reason is CutReason.Title or CutReason.TrailingFurniture && c.Text.Contains("Engineers"));
        Assert.Contains(a.Cut, c => c.Text == "Minister resigns over grain deal");
        foreach (var c in a.Cut) Assert.Equal(c.Text, text.Replace("\r", "")[c.Start..c.End]);
    }

    [Fact]
    public void A_headline_list_in_the_middle_is_cut_without_its_neighbours()
    {
        const string text = "Ceasefire talks stall again in the capital\n\nTalks stalled on Friday.\n\n12:10\nOne headline\n12:00\nAnother headline\n11:45\nThird headline\n\nThe delegations will meet again, a spokesman said.";
        var a = PlainTextArticleReader.Read(text);
        Assert.Equal("Talks stalled on Friday.\n\nThe delegations will meet again, a spokesman said.", a.Body);
    }

    [Fact]
    public void Cuts_comment_forms_but_keeps_an_article_that_merely_mentions_sharing()
    {
        const string text = "Aid convoy arrives in the besieged town after delays\n\nThe convoy arrived at noon.\n\nShare\n\nVolunteers said they would share the food among 400 families over the coming week, and more trucks were expected on Sunday.\n\nThe mayor thanked the drivers and said a second convoy was being prepared for the villages to the east of the town.\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nBack To Top";
        var a = PlainTextArticleReader.Read(text);
        Assert.Contains("Volunteers said", a.Body);
        Assert.Contains("second convoy", a.Body);
        Assert.DoesNotContain("Leave a Reply", a.Body);
        Assert.DoesNotContain("email address", a.Body);
    }

    [Fact]
    public void Finds_the_author_above_an_author_label_or_after_by()
    {
        var tail = PlainTextArticleReader.Read("Title of a longer article here\n\nThe text of the article.\n\nMaria Kovalenko\nАвтор\n\nReading now");
        Assert.Equal("Maria Kovalenko", tail.Author);
        Assert.Equal("The text of the article.", tail.Body);
        var by = PlainTextArticleReader.Read("Title of a longer article here\nBy Daniel Whitcombe\n\nThe text.");
        Assert.Equal("Daniel Whitcombe", by.Author);
        Assert.Equal("The text.", by.Body);
    }

    [Fact]
    public void Cuts_image_credits_template_residue_repeated_lines_and_read_also_links()
    {
        const string text = "Port struck by drones in the night, officials say\n\nPhoto: from open sources\n\nPort struck overnight\n\nPort struck overnight\n\nclient/title.list_title\n\nThe port was struck at 3 a.m.\n\nRead also: Grain exports fall for a third month\n\nA view of the damaged port.\n\nRegional Administration/Anadolu via Getty Images\n\nFirefighters worked until dawn.";
        var a = PlainTextArticleReader.Read(text);
        Assert.Equal("Port struck overnight\n\nThe port was struck at 3 a.m.\n\nA view of the damaged port.\n\nFirefighters worked until dawn.", a.Body);
        Assert.Equal([CutReason.Title, CutReason.ImageCredit, CutReason.RepeatedLine, CutReason.TemplateResidue, CutReason.InlineFurniture, CutReason.ImageCredit],
            a.Cut.Select(c => c.Reason));
    }
}
