using Sitrep.Text.Sentences;

namespace Sitrep.Text.Tests;

public class SentenceSplitterTests
{
    private static string[] Split(string text) => SentenceSplitter.Split(text).Select(s => s.Of(text)).ToArray();

    [Fact]
    public void Does_not_break_after_abbreviations_or_initials() =>
        Assert.Equal(["Gen. Smith met U.S. officials at 10 a.m. on Monday.", "Lt. Col. Jones said No. 5 was next."],
            Split("Gen. Smith met U.S. officials at 10 a.m. on Monday. Lt. Col. Jones said No. 5 was next."));

    [Fact]
    public void Breaks_at_a_full_stop_glued_to_the_next_sentence() =>
        Assert.Equal(["It caused a stir.", "At the time nobody knew."], Split("It caused a stir.At the time nobody knew."));

    [Fact]
    public void Keeps_decimals_domains_and_closing_quotes() =>
        Assert.Equal(["Prices rose 3.5% on example.com today.", "“We will stay.”", "He left."],
            Split("Prices rose 3.5% on example.com today. “We will stay.” He left."));

    [Fact]
    public void A_line_break_ends_a_sentence_and_spans_point_into_the_text()
    {
        const string text = "Headline without stop\nBody sentence one. Body two!";
        var spans = SentenceSplitter.Split(text);
        Assert.Equal(3, spans.Count);
        Assert.Equal("Body two!", text[spans[2].Start..spans[2].End]);
    }

    [Fact]
    public void A_lower_case_continuation_is_not_a_new_sentence() =>
        Assert.Single(Split("The talks, the officials said. were postponed"));
}
