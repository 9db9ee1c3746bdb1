using Sitrep.Core.Time;
using Sitrep.Text.Time;

namespace Sitrep.Text.Tests;

public class CalendarScannerTests
{
    [Theory]
    [InlineData("11 March 17:40", "XXXX-03-11")]
    [InlineData("21 September, 2024 Saturday", "2024-09-21")]
    [InlineData("2025-03-13", "2025-03-13")]
    [InlineData("2025-03-13T17:40", "2025-03-13T17:40")]
    [InlineData("March 13, 2025", "2025-03-13")]
    [InlineData("Mar. 13 2025", "2025-03-13")]
    [InlineData("13.03.2025", "2025-03-13")]
    [InlineData("On the night of March 11, 2025, Russia", "2025-03-11")]
    [InlineData("signed on March 7.", "XXXX-03-07")]
    [InlineData("the 7th of March", "XXXX-03-07")]
    [InlineData("since August 2024", "2024-08")]
    [InlineData("in early August", "XXXX-08")]
    [InlineData("in 2024 the war", "2024")]
    [InlineData("6 червня 2023 14:05", "2023-06-06")]
    [InlineData("6 июня 2023", "2023-06-06")]
    public void Finds_the_first_date(string text, string expected)
    {
        var scan = CalendarScanner.Scan(text);
        Assert.NotEmpty(scan.Dates);
        Assert.Equal(expected, scan.Dates[0].Date.ToString());
    }

    [Theory]
    [InlineData("they may 5 times try")]
    [InlineData("a march of 2,000 people")]
    [InlineData("2,000 troops and 1,300 km")]
    [InlineData("31.02.2025 is no date")]
    [InlineData("February 30, 2025")]
    public void Ignores_what_is_not_a_date(string text) => Assert.Empty(CalendarScanner.Scan(text).Dates);

    [Fact]
    public void Keeps_the_word_before_a_weekday_to_tell_past_from_future()
    {
        var scan = CalendarScanner.Scan("He spoke on Wednesday and will leave by Friday.");
        Assert.Equal([(DayOfWeek.Wednesday, "on"), (DayOfWeek.Friday, "by")], scan.Weekdays.Select(w => (w.Day, w.PrecedingWord)));
    }

    [Fact]
    public void Reads_times_of_day_and_reports_spans_into_the_text()
    {
        const string text = "Updated at 19:23 today";
        var scan = CalendarScanner.Scan(text);
        var t = Assert.Single(scan.Times);
        Assert.Equal((19, 23), (t.Hour, t.Minute));
        Assert.Equal("19:23", t.Span.Of(text));
        Assert.Equal("Updatedattoday".Length, scan.UncoveredLetters);
    }

    [Fact]
    public void A_partial_date_prints_unknown_parts_as_X_and_parses_back()
    {
        var d = new PartialDate(null, 3, 11, 17, 40);
        Assert.Equal("XXXX-03-11T17:40", d.ToString());
        Assert.Equal(d, PartialDate.Parse(d.ToString()));
        Assert.Equal(DatePrecision.Unknown, d.Precision);
        Assert.Equal(DatePrecision.Minute, d.WithYear(2025).Precision);
    }
}
