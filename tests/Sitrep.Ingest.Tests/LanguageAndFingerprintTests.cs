using Sitrep.Ingest.Dedup;

namespace Sitrep.Ingest.Tests;

public class LanguageGuesserTests
{
    [Theory]
    [InlineData("The dam was destroyed on Tuesday and the water rose in the city, officials said.", "en")]
    [InlineData("Голова обласної адміністрації повідомив, що з правого берега евакуйовано понад тисячу людей.", "uk")]
    [InlineData("Пресс-секретарь Кремля заявил, что вода поднялась до крыш одноэтажных домов.", "ru")]
    [InlineData("Der Damm wurde am Dienstag zerstört und das Wasser stieg in der Stadt, sagte die Polizei.", "de")]
    [InlineData("Le barrage a été détruit mardi et les habitants sont partis dans la nuit avec leurs enfants.", "fr")]
    [InlineData("12:40 — 13:05", "und")]
    public void Names_the_language(string text, string expected) => Assert.Equal(expected, LanguageGuesser.Guess(text));
}

public class FingerprinterTests
{
    private const string Article = "The dam on the river was destroyed in the early hours of Tuesday, sending water towards villages downstream. "
                                   + "The governor said about 16,000 people lived in the area at critical risk and that buses were taking residents away. "
                                   + "By midday about 1,300 people had been evacuated from the right bank, according to the regional administration. "
                                   + "Water levels rose by more than three metres in some districts of the city, the governor said on Telegram.";

    [Fact]
    public void Case_punctuation_and_spacing_do_not_change_the_text_hash()
    {
        var a = Fingerprinter.Compute(Article);
        var b = Fingerprinter.Compute(Article.ToUpperInvariant().Replace(", ", " ,  ").Replace(". ", ".\n\n"));
        Assert.Equal(a.TextHash, b.TextHash);
        Assert.Equal(a.BandKeys, b.BandKeys);
    }

    [Fact]
    public void A_syndicated_copy_with_a_line_added_is_near_identical_and_shares_band_keys()
    {
        var copy = Article + " (Reporting by the wire desk.)";
        Assert.True(Fingerprinter.Jaccard(Fingerprinter.Shingles(Article), Fingerprinter.Shingles(copy)) >= Fingerprinter.NearDuplicateThreshold);
        Assert.NotEqual(Fingerprinter.Compute(Article).TextHash, Fingerprinter.Compute(copy).TextHash);
        var (a, b) = (Fingerprinter.Compute(Article), Fingerprinter.Compute(copy));
        Assert.True(a.BandKeys.Intersect(b.BandKeys).Count() >= Fingerprinter.MinSharedBands);
        Assert.InRange(Fingerprinter.Estimate(a.Signature, b.Signature), Fingerprinter.ScreeningThreshold, 1.0);
    }

    [Fact]
    public void A_different_article_on_the_same_story_is_not_a_copy()
    {
        const string other = "Kremlin spokesman said on Tuesday that the destruction of the dam was deliberate sabotage and rejected "
                             + "accusations that Russian troops were responsible, while the mayor said 900 residents had been moved.";
        Assert.True(Fingerprinter.Jaccard(Fingerprinter.Shingles(Article), Fingerprinter.Shingles(other)) < 0.1);
        Assert.Empty(Fingerprinter.Compute(Article).BandKeys.Intersect(Fingerprinter.Compute(other).BandKeys));
        Assert.True(Fingerprinter.Estimate(Fingerprinter.Compute(Article).Signature, Fingerprinter.Compute(other).Signature) < 0.2);
    }
}
