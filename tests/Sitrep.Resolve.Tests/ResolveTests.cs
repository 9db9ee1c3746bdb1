using Sitrep.Core.Documents;
using Sitrep.Core.Entities;
using Sitrep.Resolve;

namespace Sitrep.Resolve.Tests;

public class NameKeyTests
{
    [Theory]
    [InlineData("Sudzha", "Sudzhha", "Sudja", "Suzha", "Suja", "Suji", "Суджа", "Суджі")]
    [InlineData("Syrskyi", "Syrsky", "Syrskiy", "Sirsky", "Syrskii", "Сирський")]
    [InlineData("Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskyi", "Зеленський")]
    [InlineData("Kupiansk", "Kupjansk", "Kupyansk", "Куп'янськ")]
    [InlineData("Kharkiv", "Kharkov", "Харків")]
    [InlineData("Snegiryov", "Snegirev")]
    [InlineData("Krasylnykov", "Krasylnikov")]
    [InlineData("Kyiv", "KyIw", "Київ")]
    public void Romanisations_of_one_name_share_a_key(params string[] spellings)
    {
        var keys = spellings.Select(NameKey.Of).Distinct().ToList();
        Assert.Single(keys);
    }

    [Theory]
    [InlineData("Kharkiv", "Kherson")]
    [InlineData("Sumy", "Sudzha")]
    [InlineData("Zaporizhzhia", "Zaoleshenka")]
    [InlineData("Peskov", "Oreshkin")]
    [InlineData("Belgorod", "Bryansk")]
    public void Different_names_keep_different_keys(string a, string b) => Assert.NotEqual(NameKey.Of(a), NameKey.Of(b));

    [Fact]
    public void Distance_counts_edits_and_stops_past_the_limit()
    {
        Assert.Equal(1, NameKey.Distance("sirsk", "sisk"));
        Assert.Equal(2, NameKey.Distance("kostenko", "kostinka", 3));
        Assert.Equal(2, NameKey.Distance("abcdefgh", "zzzzzzzz", 1));
    }
}

public class EntityResolverTests
{
    private static EntityMention M(string doc, string type, string text, int at = 0) => new(doc, new TextSpan(at, at + text.Length), type, text);

    private static Entity Find(List<Entity> entities, string alias) => Assert.Single(entities, e => e.Aliases.Contains(alias));

    [Fact]
    public void Short_forms_damaged_spellings_and_transliterations_join_one_entity_with_reasons()
    {
        var entities = EntityResolver.Resolve(
        [
            M("d1", "PER", "Oleksandr Syrskyi", 0), M("d1", "PER", "Syrskyi", 50),
            M("d2", "PER", "Oleksandr Syskyi", 0), M("d2", "ORG", "SYKSKI", 40),
            M("d3", "PER", "Сирський", 0), M("d3", "LOC", "Sudzha", 20), M("d4", "LOC", "Suji", 5), M("d4", "LOC", "Sumy", 30),
        ]);
        var general = Find(entities, "Oleksandr Syrskyi");
        Assert.Equal("PER", general.Type);
        Assert.Equal(["Oleksandr Syrskyi", "Oleksandr Syskyi", "SYKSKI", "Syrskyi", "Сирський"], general.Aliases);
        Assert.Contains("short form", general.Reasons["Syrskyi"]);
        Assert.Contains("within one edit", general.Reasons["SYKSKI"]);
        Assert.Equal(["Sudzha", "Suji"], Find(entities, "Sudzha").Aliases);
        Assert.Equal(["Sumy"], Find(entities, "Sumy").Aliases);
    }

    [Fact]
    public void A_name_in_capitals_joins_the_place_whose_consonants_it_keeps_when_the_story_names_it_twice()
    {
        var entities = EntityResolver.Resolve(
        [
            M("d1", "LOC", "Kursk", 0), M("d1", "LOC", "Kursk", 40), M("d1", "ORG", "KASK", 80), M("d1", "ORG", "NATO", 100), M("d1", "ORG", "HIMARS", 120),
            M("d2", "LOC", "Kursk", 0), M("d2", "ORG", "KASK", 30),
            M("d3", "LOC", "Kharkiv", 0), M("d3", "LOC", "Kharkiv", 20), M("d3", "LOC", "KHERSON", 40),
        ]);
        var kursk = Assert.Single(entities, e => e.Aliases.Contains("KASK") && e.Aliases.Contains("Kursk"));
        Assert.Contains("consonants", kursk.Reasons["KASK"]);
        // one mention of Kursk is no support; acronyms and a different city stay apart
        Assert.Equal(2, entities.Count(e => e.Aliases.Contains("KASK")));
        Assert.DoesNotContain(entities, e => e.Aliases.Contains("NATO") && e.Aliases.Count > 1);
        Assert.DoesNotContain(entities, e => e.Aliases.Contains("KHERSON") && e.Aliases.Contains("Kharkiv"));
    }

    [Fact]
    public void A_first_name_in_its_Ukrainian_Russian_and_English_forms_is_one_name()
    {
        var entities = EntityResolver.Resolve(
        [
            M("d1", "PER", "Oleksandr Syrskyi", 0), M("d2", "PER", "Alexander Syrsky", 0), M("d3", "PER", "Aleksandr Syrskiy", 0),
            M("d4", "PER", "Serhiy Shoigu", 0), M("d5", "PER", "Sergei Shoigu", 0), M("d6", "PER", "Shoigu", 0),
            M("d7", "PER", "Andriy Yermak", 0), M("d8", "PER", "Andrey Yermak", 0),
            M("d9", "PER", "Oleg Ivanov", 0), M("d10", "PER", "Igor Ivanov", 0),
        ]);
        Assert.Equal(3, Find(entities, "Oleksandr Syrskyi").Aliases.Count);
        Assert.Equal(3, Find(entities, "Shoigu").Aliases.Count);
        Assert.Equal(2, Find(entities, "Andriy Yermak").Aliases.Count);
        // different first names are different people
        Assert.Single(Find(entities, "Oleg Ivanov").Aliases);
    }

    [Fact]
    public void An_acronym_joins_its_expansion_across_stories_when_only_one_name_answers()
    {
        var entities = EntityResolver.Resolve(
        [
            M("d1", "ORG", "International Atomic Energy Agency", 0), M("d2", "ORG", "IAEA", 0),
            M("d3", "ORG", "NATO", 0), M("d4", "ORG", "North Atlantic Treaty Organization", 0),
            M("d5", "ORG", "International Criminal Court", 0), M("d6", "ORG", "International Cricket Council", 0), M("d7", "ORG", "ICC", 0),
        ]);
        Assert.Equal(2, Find(entities, "IAEA").Aliases.Count);
        Assert.Contains("acronym", Find(entities, "IAEA").Reasons["IAEA"]);
        Assert.Equal(2, Find(entities, "NATO").Aliases.Count);
        // two expansions answer to ICC: it stays alone
        Assert.Single(Find(entities, "ICC").Aliases);
    }

    [Fact]
    public void Kherson_city_is_Kherson_and_not_its_region()
    {
        var entities = EntityResolver.Resolve([M("d1", "LOC", "Kherson city", 0), M("d2", "LOC", "Kherson", 0), M("d3", "LOC", "Kherson region", 0)]);
        Assert.Equal(2, Find(entities, "Kherson").Aliases.Count);
        Assert.Single(Find(entities, "Kherson region").Aliases);
    }

    [Fact]
    public void Acronyms_join_their_expansion_and_organisations_ignore_word_order()
    {
        var entities = EntityResolver.Resolve(
        [
            M("d1", "ORG", "Institute for the Study of War", 0), M("d1", "ORG", "ISW", 60),
            M("d2", "ORG", "Russian Defense Ministry", 0), M("d3", "ORG", "Russia's Ministry of Defence", 0),
            M("d4", "ORG", "Institute for War Studies", 0),
        ]);
        Assert.Equal(["Institute for the Study of War", "ISW", "Institute for War Studies"], Find(entities, "ISW").Aliases);
        Assert.Equal(2, Find(entities, "Russian Defense Ministry").Aliases.Count);
    }

    [Fact]
    public void Similar_names_of_different_people_stay_apart()
    {
        var entities = EntityResolver.Resolve(
        [
            M("d1", "PER", "Dmitry Peskov", 0), M("d1", "PER", "Dmytro Snegiryov", 30), M("d2", "PER", "Dmitry Oreshkin", 0),
            M("d2", "LOC", "Kharkiv", 30), M("d3", "LOC", "Kherson", 0), M("d3", "LOC", "Kursk region", 20), M("d3", "ORG", "Kursk Nuclear Power Plant", 40),
        ]);
        Assert.Equal(7, entities.Count);
    }

    [Fact]
    public void A_users_merges_and_splits_are_applied_after_the_machines_joins()
    {
        EntityMention[] mentions =
        [
            M("d1", "ORG", "Institute for War Studies", 0), M("d2", "MISC", "ISW", 0),
            M("d3", "LOC", "Kursk region", 0), M("d3", "LOC", "Kursk", 30),
        ];
        var corrected = EntityResolver.Resolve(mentions,
            [new EntityCorrection(CorrectionKind.Merge, "Institute for War Studies", "ISW"), new EntityCorrection(CorrectionKind.Split, "Kursk region", "Kursk")]);
        var institute = Find(corrected, "ISW");
        Assert.Equal(("ORG", "Institute for War Studies"), (institute.Type, institute.Name));
        Assert.Contains("by a user", institute.Reasons["ISW"]);
        Assert.Equal(["Kursk"], Find(corrected, "Kursk").Aliases);
        Assert.Equal(3, corrected.Count);
    }

    [Fact]
    public void Ids_are_stable_whatever_the_order_of_documents()
    {
        EntityMention[] mentions = [M("d1", "PER", "Vladimir Putin"), M("d2", "PER", "Putin"), M("d3", "LOC", "Kyiv")];
        var a = EntityResolver.Resolve(mentions).Select(e => (e.Id, e.Name)).Order();
        var b = EntityResolver.Resolve(mentions.Reverse()).Select(e => (e.Id, e.Name)).Order();
        Assert.Equal(a, b);
        Assert.Equal(2, EntityResolver.Resolve(mentions).Count);
    }
}
