using Sitrep.Core.Documents;
using Sitrep.Core.Entities;
using Sitrep.Resolve;

namespace Sitrep.Resolve.Tests;

/// <summary>The classes of error found on real stories, each on texts written for it.</summary>
public sealed class StoryClassesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-classes-").FullName;
    private readonly Gazetteer _gazetteer;

    public StoryClassesTests()
    {
        // a renamed town (its other names in the tenth column), a village bearing one of them abroad, a region's capital
        File.WriteAllText(Path.Combine(_dir, "cities.tsv"), string.Join('\n',
            "geonameid\tname\taltname\tcountry\tfeature\tadmin1\tpopulation\tlat\tlon\talternates",
            "146970\tXankandi\t\tAZ\tPPL\t61\t53100\t39.8177\t46.7528\tKhankendi,Stepanakert,Степанакерт",
            "312653\tHankendi\t\tTR\tPPLA3\t23\t0\t38.56879\t39.05739\t",
            "587084\tBaku\t\tAZ\tPPLC\t09\t1116513\t40.37767\t49.89201\t",
            "472045\tVoronezh\t\tRU\tPPLA\t86\t848752\t51.67204\t39.1843\t",
            "4140963\tWashington, D.C.\t\tUS\tPPLC\tDC\t689545\t38.89511\t-77.03637\t",
            "524901\tMoscow\t\tRU\tPPLC\t48\t10381222\t55.75222\t37.61556\tMoskva") + "\n");
        var tables = Path.Combine(_dir, "tables");
        Directory.CreateDirectory(tables);
        File.WriteAllText(Path.Combine(tables, "countries.tsv"), "name\tcode\nAzerbaijan\tAZ\nRussia\tRU\nUnited States\tUS\nUS\tUS\nU.S.\tUS\n");
        File.WriteAllText(Path.Combine(tables, "exonyms.tsv"), "name\tgeonames\tkind\n");
        File.WriteAllText(Path.Combine(tables, "areas.tsv"), "# regions at their seat\nname\tgeonames\tkind\nKarabakh\tXankandi\tadmin1\n");
        File.WriteAllText(Path.Combine(tables, "not-places.txt"), "");
        _gazetteer = Gazetteer.Load(Path.Combine(_dir, "cities.tsv"), tables);
    }

    public void Dispose() => Directory.Delete(_dir, true);

    private static EntityMention M(string doc, string type, string text, int at = 0) => new(doc, new TextSpan(at, at + text.Length), type, text);

    /// <summary>Mentions of each name in a text, where it is written, as the tagger would give them.</summary>
    private static List<EntityMention> Tag(string doc, string body, params (string Type, string Text)[] names)
    {
        var result = new List<EntityMention>();
        foreach (var (type, text) in names)
            for (var at = body.IndexOf(text, StringComparison.Ordinal); at >= 0; at = body.IndexOf(text, at + text.Length, StringComparison.Ordinal))
                if ((at + text.Length == body.Length || !char.IsLetter(body[at + text.Length])) && !result.Any(r => r.Span.Start <= at && at < r.Span.End))
                    result.Add(new EntityMention(doc, new TextSpan(at, at + text.Length), type, text));
        return result;
    }

    private static Entity With(IEnumerable<Entity> entities, string alias) => Assert.Single(entities, e => e.Aliases.Contains(alias));

    [Theory]
    [InlineData("Shelling hit the city of Voronezh overnight.", "Voronezh", PlaceSense.City)]
    [InlineData("The town lies north of Russian-occupied Donetsk.", "Donetsk", PlaceSense.City)]
    [InlineData("The front moved away from Donetsk last year.", "Donetsk", PlaceSense.City)]
    [InlineData("Airfields in the Murmansk, Ivanovo and Amur regions were hit.", "Ivanovo", PlaceSense.Region)]
    [InlineData("Airfields in the Murmansk, Ivanovo and Amur regions were hit.", "Murmansk", PlaceSense.Region)]
    [InlineData("Troops are still in Kursk, the Russian region they entered in August.", "Kursk", PlaceSense.Region)]
    [InlineData("The bridge links the peninsula to the Krasnodar, officials said.", "Krasnodar", PlaceSense.Region)]
    [InlineData("Talks were held in Kharkiv on Monday.", "Kharkiv", PlaceSense.Unknown)]
    public void The_words_around_a_bare_name_say_town_or_region(string body, string name, PlaceSense expected)
    {
        var at = body.IndexOf(name, StringComparison.Ordinal);
        Assert.Equal(expected, PlaceSenses.Of(body, at, at + name.Length));
    }

    [Fact]
    public void A_region_is_never_merged_with_its_capital_unless_its_text_says_region()
    {
        const string first = "Fighting raged in the Voronezh region. The plane came nowhere near Voronezh.";
        const string second = "Drones struck airfields in the Ivanovo and Ryazan regions.";
        const string third = "A fire broke out at a base in the Ivanovo region.";
        var mentions = Tag("d1", first, ("LOC", "Voronezh region"), ("LOC", "Voronezh"))
            .Concat(Tag("d2", second, ("LOC", "Ivanovo"), ("LOC", "Ryazan")))
            .Concat(Tag("d3", third, ("LOC", "Ivanovo region"))).ToList();
        var bodies = new Dictionary<string, string> { ["d1"] = first, ["d2"] = second, ["d3"] = third };
        var senses = PlaceSenses.Of(mentions, d => bodies[d]);
        var entities = EntityResolver.Resolve(mentions, senses: senses);
        Assert.NotSame(With(entities, "Voronezh"), With(entities, "Voronezh region"));
        Assert.Same(With(entities, "Ivanovo"), With(entities, "Ivanovo region"));
        // without the words around it the capital stays itself, though the same story names its region
        var linked = PlaceLinker.Link(EntityResolver.Resolve(mentions, senses: senses), _gazetteer, senses);
        Assert.NotSame(With(linked, "Voronezh"), With(linked, "Voronezh region"));
        Assert.Equal(("city", "admin1"), (With(linked, "Voronezh").Geo!.Kind, With(linked, "Voronezh region").Geo!.Kind));
    }

    [Fact]
    public void One_spelling_takes_one_type_a_known_place_is_a_place_and_a_surname_stays_a_person()
    {
        var mentions = new List<EntityMention>
        {
            M("d1", "PER", "Stepanakert"), M("d2", "PER", "Stepanakert"), M("d3", "LOC", "Stepanakert"),
            M("d1", "ORG", "Wagner", 20), M("d2", "ORG", "Wagner", 20), M("d3", "LOC", "Wagner", 20),
            M("d1", "PER", "Vladimir Putin", 40), M("d2", "PER", "Putin", 40), M("d3", "LOC", "Putin", 40),
        };
        var agreed = TypeVote.Agree(mentions, name => name is "Stepanakert" or "Putin" or "Wagner");
        Assert.All(agreed.Where(m => m.Text == "Stepanakert"), m => Assert.Equal("LOC", m.Type));
        Assert.All(agreed.Where(m => m.Text == "Wagner"), m => Assert.Equal("ORG", m.Type));
        Assert.All(agreed.Where(m => m.Text == "Putin"), m => Assert.Equal("PER", m.Type));
        Assert.Single(EntityResolver.Resolve(agreed), e => e.Aliases.Contains("Putin") && e.Aliases.Contains("Vladimir Putin"));
    }

    [Fact]
    public void Renamed_towns_and_exonyms_come_from_the_gazetteers_other_names()
    {
        Assert.Equal("geonames:146970", _gazetteer.Locate("Stepanakert", [])!.Ref);
        Assert.Equal("geonames:146970", _gazetteer.Locate("Khankendi", ["AZ"])!.Ref);
        Assert.Equal("geonames:146970", _gazetteer.Locate("Степанакерт", [])!.Ref);
        // a name a village abroad bears as its own still loses to the story's country
        Assert.Equal("geonames:312653", _gazetteer.Locate("Hankendi", ["TR"])!.Ref);
        var entities = EntityResolver.Resolve([M("d1", "LOC", "Stepanakert"), M("d1", "LOC", "Azerbaijan", 30), M("d2", "LOC", "Khankendi"),
            M("d2", "LOC", "Azerbaijan", 30), M("d3", "LOC", "Karabakh"), M("d3", "LOC", "Karabakh region", 20)]);
        var linked = PlaceLinker.Link(entities, _gazetteer);
        Assert.Same(With(linked, "Stepanakert"), With(linked, "Khankendi"));
        // the region shown at its seat is not the seat: Karabakh is not Stepanakert
        Assert.NotSame(With(linked, "Karabakh"), With(linked, "Stepanakert"));
        Assert.Same(With(linked, "Karabakh"), With(linked, "Karabakh region"));
    }

    [Fact]
    public void A_misspelt_place_joins_the_one_place_a_slip_away()
    {
        var entities = EntityResolver.Resolve([M("d1", "LOC", "Stepanakert"), M("d2", "LOC", "Stepanakert"), M("d3", "PER", "Stepanekert"),
            M("d1", "LOC", "Azerbaijan", 30)]);
        var linked = PlaceLinker.Link(entities, _gazetteer);
        Assert.Same(With(linked, "Stepanakert"), With(linked, "Stepanekert"));
        Assert.Contains("one letter", With(linked, "Stepanakert").Reasons["Stepanekert"]);
    }

    [Fact]
    public void Organisations_long_and_short_forms_join_and_an_ambiguous_short_form_stays_alone()
    {
        var entities = EntityResolver.Resolve(
        [
            M("d1", "ORG", "Ministry of Defence of Azerbaijan"), M("d1", "ORG", "Defence Ministry", 60), M("d1", "MISC", "Azerbaijani", 90),
            M("d2", "ORG", "Wagner Group"), M("d3", "ORG", "Wagner"), M("d4", "MISC", "Wagner PMC"),
            M("d5", "ORG", "Russian Ministry of Defence"), M("d5", "MISC", "Russian", 40), M("d6", "MISC", "Russian MoD"),
            M("d7", "ORG", "Armed Forces of Ukraine"), M("d8", "ORG", "Armed Forces of Russia"), M("d9", "ORG", "Armed Forces"),
            M("d10", "ORG", "Operation Spider Web"), M("d11", "ORG", "Spiderweb"),
        ]);
        Assert.Same(With(entities, "Ministry of Defence of Azerbaijan"), With(entities, "Defence Ministry"));
        Assert.Same(With(entities, "Wagner Group"), With(entities, "Wagner"));
        Assert.Same(With(entities, "Wagner Group"), With(entities, "Wagner PMC"));
        Assert.Same(With(entities, "Russian Ministry of Defence"), With(entities, "Russian MoD"));
        Assert.NotSame(With(entities, "Russian Ministry of Defence"), With(entities, "Ministry of Defence of Azerbaijan"));
        Assert.Equal(["Armed Forces"], With(entities, "Armed Forces").Aliases);
        Assert.Same(With(entities, "Operation Spider Web"), With(entities, "Spiderweb"));
    }

    [Fact]
    public void An_acronym_written_beside_a_name_stands_for_it_everywhere()
    {
        const string first = "The Security Service of Ukraine (SBU) said the drones were its own.";
        const string second = "The SBU released a video.";
        var mentions = Tag("d1", first, ("ORG", "Security Service of Ukraine"), ("ORG", "SBU")).Concat(Tag("d2", second, ("ORG", "SBU"))).ToList();
        var bodies = new Dictionary<string, string> { ["d1"] = first, ["d2"] = second };
        var acronyms = AcronymDefinitions.Of(mentions, d => bodies[d]);
        Assert.Equal("Security Service of Ukraine", Assert.Single(acronyms).Value);
        var entities = EntityResolver.Resolve(mentions, acronyms: acronyms);
        var sbu = Assert.Single(entities);
        Assert.Equal("Security Service of Ukraine", sbu.Name);
    }

    [Fact]
    public void The_name_users_see_is_the_commonest_full_name_never_a_possessive_a_modifier_or_a_run_on()
    {
        var entities = EntityResolver.Resolve(
            [M("d1", "LOC", "Ukraines"), M("d2", "LOC", "Ukraines"), M("d3", "LOC", "Ukraine"), M("d4", "ORG", "green Hamas"), M("d5", "ORG", "green Hamas"),
             M("d6", "ORG", "Hamas"), M("d7", "LOC", "Kursk Ukraine"), M("d8", "LOC", "Kursk Ukraine"), M("d9", "LOC", "Kursk")],
            [new EntityCorrection(CorrectionKind.Merge, "Ukraine", "Ukraines"), new EntityCorrection(CorrectionKind.Merge, "Ukraine", "Kursk Ukraine"),
             new EntityCorrection(CorrectionKind.Merge, "Hamas", "green Hamas")]);
        Assert.Equal("Ukraine", With(entities, "Ukraines").Name);
        Assert.Equal("Hamas", With(entities, "green Hamas").Name);
    }

    [Fact]
    public void US_and_its_spellings_are_one_country_and_USS_is_not_among_them()
    {
        Assert.Equal(NameKey.Of("US"), NameKey.Of("U.S."));
        Assert.NotEqual(NameKey.Of("US"), NameKey.Of("USS"));
        Assert.Equal(NameKey.Of("Kyiv"), NameKey.Of("KYIV"));
        var entities = EntityResolver.Resolve([M("d1", "LOC", "US"), M("d2", "LOC", "U.S."), M("d3", "LOC", "United States"), M("d4", "LOC", "USS")]);
        var linked = PlaceLinker.Link(entities, _gazetteer);
        var us = With(linked, "US");
        Assert.Same(us, With(linked, "United States"));
        Assert.Same(us, With(linked, "U.S."));
        Assert.NotSame(us, With(linked, "USS"));
    }

    [Fact]
    public void Digits_tell_models_apart_and_a_region_is_named_with_its_region_word()
    {
        Assert.NotEqual(NameKey.Of("Tu-160"), NameKey.Of("Tu-22"));
        Assert.NotEqual(NameKey.Of("1,000"), NameKey.Of("10"));
        const string body = "Drones hit airfields in the Irkutsk and Murmansk regions; a base in Irkutsk burned.";
        const string other = "Fires were put out in the Irkutsk region.";
        var mentions = Tag("d1", body, ("LOC", "Irkutsk"), ("LOC", "Murmansk")).Concat(Tag("d2", other, ("LOC", "Irkutsk region"))).ToList();
        var bodies = new Dictionary<string, string> { ["d1"] = body, ["d2"] = other };
        var entities = EntityResolver.Resolve(mentions, senses: PlaceSenses.Of(mentions, d => bodies[d]));
        Assert.Equal("Irkutsk region", With(entities, "Irkutsk").Name);
    }
}
