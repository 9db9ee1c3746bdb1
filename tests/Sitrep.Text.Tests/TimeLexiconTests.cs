using Sitrep.Core.Time;
using Sitrep.Text.Time;

namespace Sitrep.Text.Tests;

public class TimeLexiconTests
{
    private static readonly DateOnly Thursday = new(2025, 3, 13);

    [Fact]
    public void The_built_in_files_hold_every_language()
    {
        var l = TimeLexicon.Default;
        Assert.Equal(3, l.Months["march"]);
        Assert.Equal(3, l.Months["марта"]);
        Assert.Equal(3, l.Months["березня"]);
        Assert.Equal((int)DayOfWeek.Sunday, l.Weekdays["воскресенье"]);
        Assert.Contains("may", l.CapitalisedMonths);
        Assert.Equal(("W", false), l.Units["week"]);
        Assert.Contains("will", l.Set("future"));
    }

    [Fact]
    public void A_set_no_file_defines_is_a_clear_error()
    {
        var e = Assert.Throws<InvalidDataException>(() => TimeLexicon.Default.Set("no-such-set"));
        Assert.Contains("no-such-set", e.Message);
    }

    [Fact]
    public void A_bad_line_names_its_file_and_line()
    {
        var e = Assert.Throws<InvalidDataException>(() => TimeLexicon.Parse([("xx/months.tsv", "# month\twords\n1\tjanuar\nzwei\tfebruar\n")]));
        Assert.Contains("xx/months.tsv, line 3", e.Message);
    }

    [Fact]
    public void A_new_language_is_its_files()
    {
        var l = TimeLexicon.Parse([
            ("de/months.tsv", "3\tmärz\n"),
            ("de/phrases.tsv", "vorgestern\tDATE\t{day-2}\nnächste woche\tDATE\t{week+1}\n"),
        ]);
        Assert.Equal(3, l.Months["März"]);
        var phrase = Assert.Single(l.Phrases["nächste"]);
        Assert.Equal(TimexType.Date, phrase.Type);
        Assert.Equal("{week+1}", phrase.Value);
    }

    [Theory]
    [InlineData("{day-1}", "2025-03-12")]
    [InlineData("{day}TNI", "2025-03-13TNI")]
    [InlineData("{week}", "2025-W11")]
    [InlineData("{month+1}", "2025-04")]
    [InlineData("{year-1}", "2024")]
    [InlineData("PAST_REF", "PAST_REF")]
    public void Phrase_values_count_from_the_article_date(string template, string value) =>
        Assert.Equal(value, TimeTagger.PhraseValue(template, Thursday));

    [Fact]
    public void Without_an_article_date_a_day_is_unknown_and_a_year_is_no_value()
    {
        Assert.Equal("XXXX-XX-XX", TimeTagger.PhraseValue("{day-1}", null));
        Assert.Null(TimeTagger.PhraseValue("{year}", null));
    }

    [Fact]
    public void Russian_news_is_read_with_the_russian_files()
    {
        const string text = "Вчера вечером ВСУ атаковали Курск. Указ подписан 12 марта 2025 года, сообщили в среду в Кремле. Сейчас идут переговоры.";
        var times = TimeTagger.Tag(text, Thursday);
        Assert.Contains(times, t => t.Span.Of(text) == "Вчера вечером" && t.Value == "2025-03-12TEV");
        Assert.Contains(times, t => t.Span.Of(text) == "12 марта 2025" && t.Value == "2025-03-12");
        Assert.Contains(times, t => t.Span.Of(text).EndsWith("среду", StringComparison.Ordinal) && t.Value == "2025-03-12");
        Assert.Contains(times, t => t.Span.Of(text) == "Сейчас" && t.Value == "PRESENT_REF");
    }

    [Fact]
    public void Ukrainian_relative_words_are_read_with_the_ukrainian_files()
    {
        const string text = "Вчора окупанти обстріляли Харків, минулого року місто вже зазнало ударів.";
        var times = TimeTagger.Tag(text, Thursday);
        Assert.Contains(times, t => t.Span.Of(text) == "Вчора" && t.Value == "2025-03-12");
        Assert.Contains(times, t => t.Span.Of(text) == "минулого року" && t.Value == "2024");
    }
}
