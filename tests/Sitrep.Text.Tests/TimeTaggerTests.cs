using Sitrep.Core.Time;
using Sitrep.Text.Time;

namespace Sitrep.Text.Tests;

public class TimeTaggerTests
{
    private static (string Text, TimexType Type, string Value)[] Tag(string text, string anchor) =>
        TimeTagger.Tag(text, DateOnly.Parse(anchor)).Select(t => (t.Span.Of(text), t.Type, t.Value)).ToArray();

    private static void Has(string text, string anchor, string span, TimexType type, string value) =>
        Assert.Contains((span, type, value), Tag(text, anchor));

    [Fact]
    public void A_weekday_in_the_past_tense_is_the_latest_such_day() =>
        Has("The mayor said on Wednesday that the bridge was closed.", "2025-03-13", "Wednesday", TimexType.Date, "2025-03-12");

    [Fact]
    public void A_weekday_in_a_sentence_about_the_future_is_the_next_such_day() =>
        Has("The delegations will meet on Monday in Riyadh.", "2025-03-13", "Monday", TimexType.Date, "2025-03-17");

    [Fact]
    public void Last_month_name_is_the_latest_such_month_before_this_one()
    {
        Has("The incursion began last August.", "2025-03-12", "last August", TimexType.Date, "2024-08");
        Has("Prices fell last June.", "2025-09-02", "last June", TimexType.Date, "2025-06");
    }

    [Fact]
    public void A_day_without_a_year_is_the_nearest_such_day()
    {
        Has("On August 7, a state of emergency was introduced.", "2024-09-21", "August 7", TimexType.Date, "2024-08-07");
        Has("Talks are scheduled for Jan. 2.", "2024-12-20", "Jan. 2", TimexType.Date, "2025-01-02");
    }

    [Theory]
    [InlineData("On the night of March 11, 2025, drones struck.", "March 11, 2025", "2025-03-11")]
    [InlineData("He ordered them out by October 1, 2024.", "October 1, 2024", "2024-10-01")]
    [InlineData("Since August 14 the forces have captured 100 soldiers.", "August 14", "2024-08-14")]
    [InlineData("On 6 August 2024, Ukraine crossed the border.", "6 August 2024", "2024-08-06")]
    [InlineData("It happened in August 2024.", "August 2024", "2024-08")]
    [InlineData("Figures were published on 2024-09-20.", "2024-09-20", "2024-09-20")]
    public void Explicit_dates(string text, string span, string value) => Has(text, "2024-09-21", span, TimexType.Date, value);

    [Fact]
    public void Early_mid_and_late_months_carry_a_modifier()
    {
        var t = TimeTagger.Tag("Ukraine began the attack in early August.", new DateOnly(2025, 3, 12));
        var x = Assert.Single(t);
        Assert.Equal(("early August", "2024-08", "START"), (x.Span.Of("Ukraine began the attack in early August."), x.Value, x.Mod));
    }

    [Theory]
    [InlineData("after seven months of fierce fighting", "seven months", "P7M")]
    [InlineData("a 30-day ceasefire", "30-day", "P30D")]
    [InlineData("Eight months after the start of the attack", "Eight months", "P8M")]
    [InlineData("talks lasted for weeks", "weeks", "PXW")]
    [InlineData("in the past three years", "the past three years", "P3Y")]
    [InlineData("two decades of war", "two decades", "P20Y")]
    [InlineData("for 48 hours", "48 hours", "PT48H")]
    public void Durations(string text, string span, string value) => Has(text, "2025-03-12", span, TimexType.Duration, value);

    [Theory]
    [InlineData("Troops may withdraw in the coming days.", "the coming days", "FUTURE_REF")]
    [InlineData("Prices are now higher.", "now", "PRESENT_REF")]
    [InlineData("The town was recently shelled.", "recently", "PAST_REF")]
    [InlineData("Prices rose today.", "today", "2025-03-12")]
    [InlineData("Prices rose yesterday.", "yesterday", "2025-03-11")]
    [InlineData("Talks resume tomorrow.", "tomorrow", "2025-03-13")]
    [InlineData("It was the coldest winter since 2010 last year.", "last year", "2024")]
    [InlineData("Sales fell last week.", "last week", "2025-W10")]
    [InlineData("Profit rose in the third quarter.", "the third quarter", "2024-Q3")]
    [InlineData("Losses were heavy two years ago.", "two years ago", "2023")]
    [InlineData("in the 1990s", "1990s", "199")]
    [InlineData("The war began in 2022.", "2022", "2022")]
    public void Relative_expressions_are_anchored_to_the_document_date(string text, string span, string value) =>
        Assert.Contains(Tag(text, "2025-03-12"), t => t.Text == span && t.Value == value);

    [Fact]
    public void Clock_times_take_their_day_from_the_expression_or_the_document()
    {
        Has("The sirens sounded at 5 p.m. EST, Nov. 6.", "2024-11-10", "5 p.m. EST, Nov. 6", TimexType.Time, "2024-11-06T17:00");
        Has("He spoke at 17:40 local time.", "2025-03-11", "17:40", TimexType.Time, "2025-03-11T17:40");
        Has("Shelling continued last night.", "2025-03-11", "last night", TimexType.Time, "2025-03-10TNI");
    }

    [Fact]
    public void Sets_name_a_recurrence() => Has("The convoy runs every week.", "2025-03-12", "every week", TimexType.Set, "P1W");

    [Theory]
    [InlineData("They brought 2000 troops and $1990 in cash.")]
    [InlineData("The very trump card was played in May Day parades? No: may they rest.")]
    [InlineData("A 1,300 km front line.")]
    public void Counts_and_words_are_not_times(string text) =>
        Assert.DoesNotContain(Tag(text, "2025-03-12"), t => t.Value.StartsWith("19", StringComparison.Ordinal) || t.Value.StartsWith("20", StringComparison.Ordinal));

    [Fact]
    public void Without_a_document_date_the_year_stays_unknown() =>
        Assert.Contains(("August 7", TimexType.Date, "XXXX-08-07"), TimeTagger.Tag("On August 7, it rained.", null).Select(t => (t.Span.Of("On August 7, it rained."), t.Type, t.Value)));

    [Theory]
    // the nearest tense cue decides, the one before the expression first
    [InlineData("The ambassador said on Tuesday that Iraq would retaliate against its neighbours.", "2025-03-13", "Tuesday", "2025-03-11")]
    [InlineData("The two leaders will meet on Friday in Jeddah, officials said.", "2025-03-13", "Friday", "2025-03-14")]
    [InlineData("The offer was extended to April 16. It had been due to expire Friday.", "2025-03-13", "Friday", "2025-03-07")]
    [InlineData("Shares in the company are to resume trading in Paris on Tuesday.", "2025-03-13", "Tuesday", "2025-03-18")]
    [InlineData("The inspectors, who arrived Thursday with fifty staff, will stay for two months.", "2025-03-14", "Thursday", "2025-03-13")]
    public void A_weekday_takes_its_tense_from_the_nearest_cue(string text, string anchor, string span, string value) =>
        Has(text, anchor, span, TimexType.Date, value);

    [Fact]
    public void A_date_before_a_colon_is_a_date_and_a_time_after_one_is_a_time()
    {
        Has("The paper said in an editorial on Saturday, April 25: the court erred.", "1998-04-24", "Saturday, April 25", TimexType.Date, "1998-04-25");
        Assert.DoesNotContain(Tag("The ferry leaves at May 5:30 sharp.", "2025-03-13"), t => t.Value == "2025-05-05");
    }

    [Theory]
    [InlineData("Flights leave every Thursday from Bombay.", "every Thursday", "XXXX-WXX-4")]
    [InlineData("The market is closed on Sundays.", "Sundays", "XXXX-WXX-7")]
    public void Recurring_weekdays_are_sets(string text, string span, string value) => Has(text, "2025-03-13", span, TimexType.Set, value);

    [Theory]
    [InlineData("The plant was built in nineteen ninety-six by the state.", "nineteen ninety-six", "1996")]
    [InlineData("They hope to finish by the year two thousand.", "the year two thousand", "2000")]
    [InlineData("The region was poor in the nineties.", "the nineties", "199")]
    [InlineData("Borders drawn in the 20th century still hold.", "20th century", "19")]
    public void Years_decades_and_centuries_in_words(string text, string span, string value) => Has(text, "1998-03-01", span, TimexType.Date, value);

    [Fact]
    public void Two_thousand_years_is_a_length_of_time_not_the_year_2000() =>
        Assert.DoesNotContain(Tag("The city is more than two thousand years old.", "1998-03-01"), t => t.Value == "2000");

    [Theory]
    [InlineData("Net income rose in the fiscal first quarter. Sales in the quarter were flat.", "the quarter", "2025-Q1")]
    [InlineData("Net income rose in the fiscal first quarter. Profit was $5 million a year earlier.", "a year earlier", "2024-Q1")]
    [InlineData("Net income rose in the fiscal first quarter, from $4 million in the year-ago quarter.", "the year-ago quarter", "2024-Q1")]
    [InlineData("Net income rose in the fiscal-first quarter. This quarter's loss includes charges.", "This quarter", "2025-Q1")]
    [InlineData("Profit rose in the third quarter and will fall in the fourth quarter. The quarter was strong.", "The quarter", "2025-Q3")]
    [InlineData("The company expects a profit in the current quarter.", "the current quarter", "2025-Q4")]
    [InlineData("Revenue rose from the corresponding period last year.", "the corresponding period last year", "2024-Q3")]
    [InlineData("Sales rose 5% from the quarter a year ago.", "the quarter a year ago", "2024-Q3")]
    [InlineData("Costs will rise in next year's first quarter.", "next year's first quarter", "2026-Q1")]
    [InlineData("Sales fell in the year-ago third quarter.", "the year-ago third quarter", "2024-Q3")]
    [InlineData("Profit in the 1988 quarter was lower.", "the 1988 quarter", "1988-Q3")]
    public void Results_news_speaks_of_the_quarter_it_last_named(string text, string span, string value) =>
        Has(text, "2025-10-26", span, TimexType.Date, value);

    [Theory]
    [InlineData("Sales will grow in the last half of 1989.", "the last half of 1989", "1989-H2")]
    [InlineData("Orders for the first two quarters of 1990 are strong.", "the first two quarters of 1990", "1990-H1")]
    public void Halves_of_a_year(string text, string span, string value) => Has(text, "1989-10-26", span, TimexType.Date, value);

    [Fact]
    public void A_year_that_ends_on_a_date_is_a_span_and_for_the_year_is_this_one()
    {
        Has("It earned $9 million in the fiscal year ended Jan. 31.", "1989-10-30", "the fiscal year", TimexType.Duration, "P1Y");
        Has("For the year, volume was flat.", "1989-10-30", "the year", TimexType.Date, "1989");
    }

    [Fact]
    public void Three_days_later_counts_from_the_story_and_stays_a_span()
    {
        var times = Tag("The index fell on Oct. 12. Three days later it had recovered.", "1989-10-30");
        Assert.Contains(("Three days", TimexType.Duration, "P3D"), times);
        Assert.DoesNotContain(times, t => t.Value == "1989-11-02");
    }

    [Theory]
    [InlineData("Hundreds come each July for the festival.", "each July", TimexType.Set, "XXXX-07")]
    [InlineData("It happened in January nineteen ninety-seven.", "January nineteen ninety-seven", TimexType.Date, "1997-01")]
    [InlineData("It was the winter of nineteen ninety-four.", "winter of nineteen ninety-four", TimexType.Date, "1994-WI")]
    [InlineData("The markets closed in mid-afternoon yesterday.", "mid-afternoon yesterday", TimexType.Time, "1998-03-05TAF")]
    [InlineData("The vote came in mid afternoon.", "mid afternoon", TimexType.Time, "1998-03-06TAF")]
    [InlineData("It will take the next couple of years.", "the next couple of years", TimexType.Duration, "P2Y")]
    [InlineData("Rescuers worked through the last twenty four hours.", "the last twenty four hours", TimexType.Duration, "PT24H")]
    [InlineData("Prices have risen in recent years.", "years", TimexType.Date, "PAST_REF")]
    public void Broadcast_and_calendar_forms(string text, string span, TimexType type, string value) => Has(text, "1998-03-06", span, type, value);
}
