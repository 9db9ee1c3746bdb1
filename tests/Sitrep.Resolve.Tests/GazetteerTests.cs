using Sitrep.Core.Documents;
using Sitrep.Core.Entities;
using Sitrep.Resolve;

namespace Sitrep.Resolve.Tests;

public sealed class GazetteerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-gazetteer-").FullName;
    private readonly Gazetteer _gazetteer;

    public GazetteerTests()
    {
        // a handful of places in the format the build writes: two Pokrovsks, an oblast centre, a capital, a word that is also a town
        File.WriteAllText(Path.Combine(_dir, "cities.tsv"), """
            geonameid	name	altname	country	feature	admin1	population	lat	lon
            704147	Pokrovsk		UA	PPLA2	05	60127	48.28198	37.18207
            2017215	Pokrovsk		RU	PPL	63	9500	61.48361	129.14806
            538560	Kursk		RU	PPLA	41	440052	51.73733	36.18735
            485660	Sudzha		RU	PPLA2	41	5600	51.1914	35.2708
            704508	Kramatorsk		UA	PPLA2	05	150000	48.72305	37.55629
            687700	Zaporizhia		UA	PPLA	26	796217	47.82289	35.19031
            703448	Kyiv		UA	PPLC	12	2797553	50.45466	30.5238
            524901	Moscow		RU	PPLC	48	10381222	55.75222	37.61556
            690434	War		UA	PPL	00	1200	48.1	22.7
            4140963	Washington, D.C.		US	PPLC	DC	689545	38.89511	-77.03637
            5549222	Washington		US	PPL	UT	27993	37.13054	-113.50829

            """.Replace("            ", ""));
        var tables = Path.Combine(_dir, "tables");
        Directory.CreateDirectory(tables);
        File.WriteAllText(Path.Combine(tables, "countries.tsv"), "name\tcode\nUkraine\tUA\nRussia\tRU\nRussian Federation\tRU\nUnited States\tUS\n");
        File.WriteAllText(Path.Combine(tables, "exonyms.tsv"), "name\tgeonames\tkind\nWashington\tWashington, D.C.\tcity\nZaporozhye\tZaporizhia\tcity\n");
        File.WriteAllText(Path.Combine(tables, "not-places.txt"), "war\n");
        _gazetteer = Gazetteer.Load(Path.Combine(_dir, "cities.tsv"), tables);
    }

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Namesakes_are_chosen_by_the_countries_of_the_story_then_by_population()
    {
        Assert.Equal("UA", _gazetteer.Locate("Pokrovsk", ["UA"])!.Country);
        Assert.Equal("RU", _gazetteer.Locate("Pokrovsk", ["RU", "UA"])!.Country);
        Assert.Equal("UA", _gazetteer.Locate("Pokrovsk", [])!.Country);
    }

    [Fact]
    public void Regions_sit_at_their_centre_countries_at_their_capital_and_unknown_places_nowhere()
    {
        var region = _gazetteer.Locate("Kursk Oblast", ["RU"])!;
        Assert.Equal(("admin1", "geonames:538560"), (region.Kind, region.Ref));
        Assert.Equal("admin1", _gazetteer.Locate("Kursk region", [])!.Kind);
        Assert.Equal("city", _gazetteer.Locate("Kursk", [])!.Kind);
        Assert.Equal(("city", "geonames:538560"), (_gazetteer.Locate("Kursk city", [])!.Kind, _gazetteer.Locate("Kursk city", [])!.Ref));
        var country = _gazetteer.Locate("Ukraine", [])!;
        Assert.Equal(("country", 50.45466), (country.Kind, country.Lat));
        Assert.Null(_gazetteer.Locate("Zaoleshenka", ["RU"]));
        Assert.Null(_gazetteer.Locate("War", ["UA"]));
        Assert.Equal("geonames:4140963", _gazetteer.Locate("Washington", ["US"])!.Ref);
        Assert.Equal("RU", _gazetteer.Locate("Курськ", [])!.Country);
    }

    [Fact]
    public void Linking_joins_names_of_one_country_and_places_by_the_story()
    {
        static EntityMention M(string doc, string text) => new(doc, new TextSpan(0, text.Length), "LOC", text);
        var entities = EntityResolver.Resolve([M("d1", "Russia"), M("d1", "Pokrovsk"), M("d2", "Russian Federation")]);
        var linked = PlaceLinker.Link(entities, _gazetteer);
        var russia = Assert.Single(linked, e => e.Aliases.Contains("Russia"));
        Assert.Equal(["Russia", "Russian Federation"], russia.Aliases.Order());
        Assert.Equal("RU", Assert.Single(linked, e => e.Name == "Pokrovsk").Geo!.Country);
    }

    [Fact]
    public void A_namesake_beside_the_other_places_of_its_story_wins_over_the_countries_it_names()
    {
        static EntityMention M(string doc, string text) => new(doc, new TextSpan(0, text.Length), "LOC", text);
        // Russia is named most, but Pokrovsk sits beside Kramatorsk, which only one place answers to
        var entities = EntityResolver.Resolve([M("d1", "Russia"), M("d1", "Russia"), M("d1", "Russia"), M("d1", "Pokrovsk"), M("d1", "Kramatorsk"), M("d2", "Pokrovsk")]);
        var linked = PlaceLinker.Link(entities, _gazetteer);
        Assert.Equal("geonames:704147", Assert.Single(linked, e => e.Name == "Pokrovsk").Geo!.Ref);
        Assert.True(_gazetteer.IsAmbiguous("Pokrovsk"));
        Assert.False(_gazetteer.IsAmbiguous("Kramatorsk"));
        Assert.InRange(Gazetteer.Kilometres(48.28198, 37.18207, 48.72305, 37.55629), 50, 65);
    }

    [Fact]
    public void The_russian_and_ukrainian_names_of_one_city_are_one_entity_but_a_region_is_not_its_capital()
    {
        static EntityMention M(string doc, string text) => new(doc, new TextSpan(0, text.Length), "LOC", text);
        var linked = PlaceLinker.Link(EntityResolver.Resolve([M("d1", "Zaporozhye"), M("d2", "Zaporizhzhia"), M("d3", "Kursk"), M("d4", "Kursk region")]), _gazetteer);
        var city = Assert.Single(linked, e => e.Aliases.Contains("Zaporozhye"));
        Assert.Equal(["Zaporizhzhia", "Zaporozhye"], city.Aliases.Order());
        Assert.Contains("geonames:687700", city.Reasons.Values.Single());
        Assert.NotEqual(linked.Single(e => e.Aliases.Contains("Kursk region")).Id, linked.Single(e => e.Name == "Kursk").Id);
    }

    [Fact]
    public void A_capitals_bare_name_in_stories_about_the_places_around_it_names_the_region()
    {
        static EntityMention M(string doc, string text) => new(doc, new TextSpan(0, text.Length), "LOC", text);
        var linked = PlaceLinker.Link(EntityResolver.Resolve(
        [
            M("d1", "Kursk region"), M("d2", "Kursk"), M("d2", "Sudzha"), M("d3", "Kursk"), M("d3", "Moscow"), M("d4", "Kursk city"), M("d4", "Sudzha"),
        ]), _gazetteer);
        var region = Assert.Single(linked, e => e.Aliases.Contains("Kursk region"));
        // d2 names Sudzha, 90 km from Kursk: its Kursk is the region
        Assert.Contains(region.Mentions, m => m.Document == "d2" && m.Text == "Kursk");
        // d3 names only Moscow, far off, and d4 says "city": those stay the city
        Assert.DoesNotContain(region.Mentions, m => m.Document is "d3" or "d4");
        Assert.Contains("places around", region.Reasons["Kursk"]);
    }
}
