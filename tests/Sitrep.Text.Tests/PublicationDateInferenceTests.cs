using Sitrep.Core.Time;
using Sitrep.Text.Time;

namespace Sitrep.Text.Tests;

public class PublicationDateInferenceTests
{
    [Fact]
    public void A_header_date_with_its_year_is_taken_as_it_is()
    {
        var r = PublicationDateInference.Infer("Nothing dated here.", new PartialDate(2024, 9, 21, 19, 23));
        Assert.Equal("2024-09-21T19:23", r.Date.Value.ToString());
        Assert.Equal(DatePrecision.Minute, r.Date.Precision);
        Assert.Equal(DateSource.Header, r.Date.Source);
    }

    [Fact]
    public void A_header_date_without_a_year_takes_it_from_the_body()
    {
        var r = PublicationDateInference.Infer("The strike came on the night of May 2, 2023, officials said.", new PartialDate(null, 5, 3, 8, 15));
        Assert.Equal("2023-05-03T08:15", r.Date.Value.ToString());
        Assert.Equal(DateSource.Header, r.Date.Source);
    }

    [Fact]
    public void A_yearless_header_date_well_before_the_body_dates_is_in_the_next_year()
    {
        var r = PublicationDateInference.Infer("The talks of December 28, 2023 failed.", new PartialDate(null, 1, 4));
        Assert.Equal("2024-01-04", r.Date.Value.ToString());
    }

    [Fact]
    public void Without_a_header_the_news_day_is_the_weekday_the_story_names_most()
    {
        const string body = "An order was signed on 3 October 2022. On Tuesday the minister spoke. Officials said Tuesday evening that talks "
                            + "would go on. The mayor said on Monday that the bridge was closed. Elections are due by Friday.";
        var r = PublicationDateInference.Infer(body, null);
        // 2022-10-03 was a Monday: the Tuesday after is the 4th, publication that day or the next
        Assert.Equal(DatePrecision.Range, r.Date.Precision);
        Assert.Equal((new DateOnly(2022, 10, 4), new DateOnly(2022, 10, 5)), (r.Date.From!.Value, r.Date.To!.Value));
        Assert.Equal(DateSource.Body, r.Date.Source);
        Assert.Contains("Tuesday", r.Date.Note);
    }

    [Fact]
    public void A_yearless_date_after_a_dated_one_is_the_next_such_day()
    {
        var r = PublicationDateInference.Infer("The offensive began on 2 September 2022. On 14 February the ministry reported gains.", null);
        Assert.Equal((new DateOnly(2023, 2, 14), new DateOnly(2023, 2, 15)), (r.Date.From!.Value, r.Date.To!.Value));
    }

    [Fact]
    public void A_date_cited_as_the_origin_of_footage_lies_before_publication()
    {
        var r = PublicationDateInference.Infer("The operation began in May 2023. Satellite footage from June 20 shows the bridge destroyed.", null);
        // published the day after at the earliest; news day or the day after
        Assert.Equal((new DateOnly(2023, 6, 21), new DateOnly(2023, 6, 22)), (r.Date.From!.Value, r.Date.To!.Value));
    }

    [Fact]
    public void Days_without_any_year_wait_for_the_collection()
    {
        var r = PublicationDateInference.Infer("The decree was signed on March 7. On Wednesday the army withdrew.", null);
        Assert.True(r.NeedsYear);
        Assert.Equal(DatePrecision.Unknown, r.Date.Precision);
        var year = PublicationDateInference.YearFromCollection(r.NeedsYearFor, [new DateOnly(2019, 6, 1), new DateOnly(2025, 3, 11)]);
        Assert.Equal(2025, year);
        var dated = PublicationDateInference.Infer("The decree was signed on March 7. On Wednesday the army withdrew.", null, year);
        Assert.Equal((new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 13)), (dated.Date.From!.Value, dated.Date.To!.Value));
    }

    [Fact]
    public void A_text_without_dates_stays_unknown()
    {
        var r = PublicationDateInference.Infer("Fighting continued along the front line.", null);
        Assert.False(r.NeedsYear);
        Assert.Same(PublicationDate.Unknown, r.Date);
    }
}

public class CollectionPublicationDateTests
{
    private static readonly CollectionDay[] Story = [new(new DateOnly(2024, 3, 8), 1.0), new(new DateOnly(2024, 3, 9), 0.5)];

    [Fact]
    public void A_weekday_falls_in_the_week_of_the_collection()
    {
        // 2024-03-08 is a Friday: the Monday meant is the one after it, not the one before
        var d = PublicationDateInference.InferFromCollection("The council voted on Monday to close the port.", null, Story);
        Assert.Equal((new DateOnly(2024, 3, 11), new DateOnly(2024, 3, 12)), (d!.From!.Value, d.To!.Value));
        Assert.Equal(DateSource.Body, d.Source);
    }

    [Fact]
    public void A_text_without_any_date_takes_the_day_of_the_article_most_like_it()
    {
        var d = PublicationDateInference.InferFromCollection("Fighting continued along the front line.", null, Story);
        Assert.Equal((new DateOnly(2024, 3, 8), new DateOnly(2024, 3, 9)), (d!.From!.Value, d.To!.Value));
        Assert.Contains("most alike", d.Note);
    }

    [Fact]
    public void A_day_the_text_dates_itself_is_not_moved_by_the_collection()
    {
        var d = PublicationDateInference.InferFromCollection("The convoy left on 2 March 2024, officials said.", null, Story);
        Assert.Equal(new DateOnly(2024, 3, 2), d!.From);
    }

    [Fact]
    public void A_date_still_ahead_bounds_publication_from_above()
    {
        var d = PublicationDateInference.Infer("The ministers will meet on 14 May 2024. The ceasefire held on Saturday.", null, null, Story);
        Assert.True(d.Date.To <= new DateOnly(2024, 5, 14));
    }

    [Fact]
    public void A_page_with_its_own_date_is_left_to_it()
    {
        Assert.Null(PublicationDateInference.InferFromCollection("Nothing dated here.", new PartialDate(2024, 1, 2), Story));
    }
}
