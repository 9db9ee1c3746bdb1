using Sitrep.Text.Names;

namespace Sitrep.Text.Tests;

public class CapitalisedNamesTests
{
    [Fact]
    public void Finds_multiword_names_with_connectors_and_drops_possessives()
    {
        const string text = "The Institute for the Study of War said Vladimir Putin's troops advanced. Officials in Kherson agreed.";
        var names = CapitalisedNames.Find(text).Select(s => s.Of(text)).ToList();
        Assert.Equal(["Institute for the Study of War", "Vladimir Putin", "Kherson"], names);
    }

    [Fact]
    public void Sentence_openers_and_conjunctions_are_not_part_of_names()
    {
        const string text = "In Nova Kakhovka water rose. Hola Prystan and Oleshky flooded.";
        Assert.Equal(["Nova Kakhovka", "Hola Prystan", "Oleshky"], CapitalisedNames.Find(text).Select(s => s.Of(text)));
    }

    [Fact]
    public void A_sentence_opening_word_counts_only_when_also_capitalised_mid_sentence()
    {
        const string text = "Kherson flooded. Meanwhile water rose in Kherson. Meanwhile it rained.";
        var names = CapitalisedNames.Find(text).Select(s => s.Of(text)).ToList();
        Assert.Equal(["Kherson", "Kherson"], names);
    }
}
