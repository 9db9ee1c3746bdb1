using Sitrep.Core.Documents;
using Sitrep.Text.Quantities;
using Sitrep.Text.Time;

namespace Sitrep.Text.Tests;

public class QuantityTaggerTests
{
    private static Quantity[] Tag(string text) => QuantityTagger.Tag(text, TimeTagger.Tag(text, new DateOnly(2025, 3, 12))).ToArray();

    private static Quantity One(string text, string span)
    {
        var found = Tag(text);
        return Assert.Single(found, q => q.Span.Of(text) == span);
    }

    [Theory]
    [InlineData("Ukraine intercepted 74 out of 117 drones overnight.", "74 out of 117 drones", 74, 117.0, "drone")]
    [InlineData("Air defence downed 74 of 117 drones.", "74 of 117 drones", 74, 117.0, "drone")]
    public void Parts_of_a_whole(string text, string span, double value, double of, string unit)
    {
        var q = One(text, span);
        Assert.Equal((value, of, unit, QuantityModifier.Exact), (q.Value, q.Of!.Value, q.Unit, q.Modifier));
    }

    [Theory]
    [InlineData("Russia says it intercepted 77 Ukrainian drones.", "77 Ukrainian drones", 77, "drone", QuantityModifier.Exact)]
    [InlineData("four civilian workers were killed", "four civilian workers", 4, "worker", QuantityModifier.Exact)]
    [InlineData("about 2,000 Russian servicemen were captured", "about 2,000 Russian servicemen", 2000, "serviceman", QuantityModifier.Approx)]
    [InlineData("took control of 92 settlements", "92 settlements", 92, "settlement", QuantityModifier.Exact)]
    [InlineData("captured over 100 Russian soldiers", "over 100 Russian soldiers", 100, "soldier", QuantityModifier.Over)]
    [InlineData("more than 300 drones were launched", "more than 300 drones", 300, "drone", QuantityModifier.Over)]
    [InlineData("at least 10 civilians died", "at least 10 civilians", 10, "civilian", QuantityModifier.AtLeast)]
    [InlineData("up to 10 hours of training", "up to 10 hours", 10, "hour", QuantityModifier.UpTo)]
    [InlineData("Russians submitted 1,927 appeals", "1,927 appeals", 1927, "appeal", QuantityModifier.Exact)]
    [InlineData("along with an Iskander-M missile and one Kh-101 missile", "one Kh-101 missile", 1, "missile", QuantityModifier.Exact)]
    public void Counted_nouns_and_modifiers(string text, string span, double value, string unit, QuantityModifier modifier)
    {
        var q = One(text, span);
        Assert.Equal((value, unit, modifier), (q.Value, q.Unit, q.Modifier));
    }

    [Fact]
    public void Ranges_keep_both_ends() =>
        Assert.Equal((60000.0, 70000.0, "troop"), One("Russia sought to deploy 60,000-70,000 troops there.", "60,000-70,000 troops") is var q ? (q.Value, q.To!.Value, q.Unit) : default);

    [Fact]
    public void Miles_become_kilometres()
    {
        var zone = One("an 800-mile demilitarized zone (almost 1,300 km)", "800-mile");
        Assert.Equal(("km", 1287.475), (zone.Unit, zone.Value));
        var km = One("an 800-mile demilitarized zone (almost 1,300 km)", "almost 1,300 km");
        Assert.Equal((1300.0, "km", QuantityModifier.AtMost), (km.Value, km.Unit, km.Modifier));
        var area = One("seized about 500 square miles of territory", "about 500 square miles");
        Assert.Equal(("km²", 1294.994), (area.Unit, area.Value));
    }

    [Fact]
    public void Money_and_scaled_numbers()
    {
        var aid = One("Ukraine receives €150 million from the EU", "€150 million");
        Assert.Equal((150_000_000.0, "EUR"), (aid.Value, aid.Unit));
        var cost = One("the war is costing the Kremlin a billion dollars a day", "a billion dollars");
        Assert.Equal((1_000_000_000.0, "USD"), (cost.Value, cost.Unit));
    }

    [Fact]
    public void Years_and_dates_are_not_quantities() =>
        Assert.Empty(Tag("On 12 March 2025 and in 2024 the talks resumed."));
}
