using Sitrep.Text.Tokens;

namespace Sitrep.Text.Tests;

public class TokenizerTests
{
    private static string[] Tok(string text) => Tokenizer.Tokenize(text).Select(s => s.Of(text)).ToArray();

    [Theory]
    [InlineData("U.S. officials met Gen. Smith at 10 a.m.", "U.S.|officials|met|Gen.|Smith|at|10|a.m.")]
    [InlineData("Lt. Col. Jones and Sen. Reed, No. 5.", "Lt.|Col.|Jones|and|Sen.|Reed|,|No.|5|.")]
    [InlineData("Russia's army and Ukraine’s forces", "Russia|'s|army|and|Ukraine|’s|forces")]
    [InlineData("about 2,000 troops, 1,300 km and 60,000-70,000 men; 10.5%", "about|2,000|troops|,|1,300|km|and|60,000-70,000|men|;|10.5|%")]
    [InlineData("an 800-mile zone on 2025-03-13 at 17:40", "an|800-mile|zone|on|2025-03-13|at|17:40")]
    [InlineData("“Yes,” he said – «нет» „ja“ ‘no’", "“|Yes|,|”|he|said|–|«|нет|»|„|ja|“|‘|no|’")]
    [InlineData("see https://example.org/a?b=1. Mail press@mod.gov.ua #Kursk @ISW", "see|https://example.org/a?b=1|.|Mail|press@mod.gov.ua|#Kursk|@ISW")]
    [InlineData("Russian-installed mayor; Iskander-M and Su-34; O'Brien", "Russian-installed|mayor|;|Iskander-M|and|Su-34|;|O'Brien")]
    [InlineData("SYKSKI added. Сирський заявив", "SYKSKI|added|.|Сирський|заявив")]
    [InlineData("did not cause a stir.At the time", "did|not|cause|a|stir|.|At|the|time")]
    [InlineData("Wait... what?!", "Wait|...|what|?|!")]
    public void Splits_like_conll(string text, string expected) => Assert.Equal(expected.Split('|'), Tok(text));

    [Fact]
    public void Tokens_are_spans_into_the_original_text()
    {
        const string text = "  Zelenskyy told reporters.\n";
        var spans = Tokenizer.Tokenize(text);
        Assert.Equal(2, spans[0].Start);
        Assert.All(spans, s => Assert.False(char.IsWhiteSpace(text[s.Start])));
    }
}
