using Sitrep.Core.Documents;
using Sitrep.Tests;
using Sitrep.Text.Entities;

namespace Sitrep.Text.Tests;

public class ConllCorpusTests
{
    [Fact]
    public void Iob1_becomes_iob2_and_spans_are_exact()
    {
        Assert.Equal(["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "O"], ConllCorpus.ToIob2(["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "O"]));
        Assert.Equal([(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC")], ConllCorpus.Spans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "O"]));
    }

    [Fact]
    public void Reads_documents_sentences_and_other_corpora_type_names()
    {
        using var dir = new TempDir();
        var path = dir.File("x.conll", "-DOCSTART- -X- O O\n\nKyiv NNP I-NP I-LOC\nsaid VBD I-VP O\n\n-DOCSTART- -X- O O\n\nAnna\tB-person\nworks\tO\nat\tO\nAcme\tB-corporation\n");
        var docs = ConllCorpus.Read(path);
        Assert.Equal(2, docs.Count);
        Assert.Equal(["B-LOC", "O"], docs[0].Sentences[0].Tags);
        Assert.Equal(["B-PER", "O", "O", "B-ORG"], docs[1].Sentences[0].Tags);
    }
}

public class EntityModelTests
{
    private static readonly Lazy<(EntityModel Model, Lexicon Lexicon)> Committed = new(() =>
    {
        var root = TestPaths.RepoRoot;
        var lexicon = Lexicon.Load(Path.Combine(root, "data", "lexicon"), Path.Combine(root, "artifacts", "gazetteer", "cities.tsv"), Path.Combine(root, "models", "clusters.tsv"));
        return (EntityModel.Load(Path.Combine(root, "models", "ner.bin")), lexicon);
    });

    private static List<(string Type, string Text)> Names(string text)
    {
        var recognizer = new EntityRecognizer(Committed.Value.Model, Committed.Value.Lexicon);
        return recognizer.Recognize(text).Select(m => (m.Type, m.Span.Of(text))).ToList();
    }

    [Fact]
    public void The_committed_model_finds_people_places_and_organisations()
    {
        var names = Names("Russian President Vladimir Putin visited the Kursk region on Wednesday, the Kremlin said. "
                          + "The International Atomic Energy Agency sent inspectors to Zaporizhzhia.");
        Assert.Contains(("PER", "Vladimir Putin"), names);
        Assert.Contains(("LOC", "Kursk region"), names);
        Assert.Contains(("ORG", "International Atomic Energy Agency"), names);
        Assert.Contains(("LOC", "Zaporizhzhia"), names);
    }

    [Fact]
    public void A_name_the_gazetteer_knows_after_a_word_of_place_is_a_place_throughout_the_article()
    {
        var root = TestPaths.RepoRoot;
        var lexicon = Lexicon.Load(Path.Combine(root, "data", "lexicon"), Path.Combine(root, "artifacts", "gazetteer", "cities.tsv"), Path.Combine(root, "models", "clusters.tsv"));
        lexicon.AddPlaceNames(["Lugansk"]);
        var recognizer = new EntityRecognizer(Committed.Value.Model, lexicon);
        const string text = "Russian forces shelled Lugansk on Monday, the regional governor said. Two people were wounded in Lugansk, officials said. "
                            + "Ivan Petrov said he had left.";
        var names = recognizer.Recognize(text).Select(m => (m.Type, m.Span.Of(text))).ToList();
        Assert.Equal(2, names.Count(n => n == ("LOC", "Lugansk")));
        Assert.DoesNotContain(names, n => n.Item2 == "Lugansk" && n.Type != "LOC");
        // a person stays a person
        Assert.Contains(("PER", "Ivan Petrov"), names);
    }

    [Fact]
    public void Damaged_names_are_repaired_a_lower_case_first_name_an_all_caps_name_a_person_run_into_an_organisation()
    {
        Assert.Contains(("PER", "dmitry Snegirev"), Names("According to political scientist dmitry Snegirev, the offensive stalled."));
        Assert.Contains(("PER", "SYKSKI"), Names("Commander-in-Chief SYKSKI said the troops had withdrawn from Sudzha."));
        // an organisation that runs on into its spokesman is two names
        var split = Names("The spokesman of the Russian Ministry of Defense Igor Konashenkov said the drones were shot down.");
        Assert.Contains(("PER", "Igor Konashenkov"), split);
        Assert.DoesNotContain(split, n => n.Text.Contains("Defense Igor", StringComparison.Ordinal));
        // a lower-case word that is not a first name stays out of the name
        Assert.DoesNotContain(Names("The strike on Sumy was claimed by Moscow."), n => n.Text.StartsWith("on ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_trump_card_is_not_a_person()
    {
        var names = Names("Holding the bridgehead was the very trump card the delegation needed, the analyst said.");
        Assert.DoesNotContain(names, n => n.Text.Contains("trump", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Mentions_are_spans_into_the_text_and_never_start_inside_a_name()
    {
        const string text = "GENERAL STAFF SAYS UKRAINE REPELLED ATTACKS NEAR POKROVSK\nKyiv's forces, said Lt. Col. Ivan Petrenko, held the line near Pokrovsk and Kurakhove.";
        var recognizer = new EntityRecognizer(Committed.Value.Model, Committed.Value.Lexicon);
        var mentions = recognizer.Recognize(text);
        Assert.NotEmpty(mentions);
        foreach (var m in mentions)
        {
            Assert.False(char.IsWhiteSpace(text[m.Span.Start]));
            Assert.False(char.IsWhiteSpace(text[m.Span.End - 1]));
            Assert.Contains(m.Type, EntityLabels.ConllTypes);
        }
        Assert.Contains(mentions, m => m.Span.Of(text) == "Pokrovsk" && m.Type == "LOC");
    }

    [Fact]
    public void A_model_refuses_word_lists_other_than_those_it_was_trained_with()
    {
        using var dir = new TempDir();
        foreach (var f in new[] { "countries.txt", "demonyms.txt", "first-names.txt", "titles.txt", "organisations.txt" }) dir.File("lists/" + f, "ukraine\n");
        var other = Lexicon.Load(dir.Combine("lists"), null, null);
        Assert.Throws<InvalidOperationException>(() => new EntityRecognizer(Committed.Value.Model, other));
    }

    [Fact]
    public void Training_is_deterministic_learns_the_data_and_survives_a_save()
    {
        using var dir = new TempDir();
        var lines = new List<string>();
        string[] people = ["Anna Koval", "Petro Hrytsenko", "Maria Lysenko", "Ivan Bondar"];
        string[] places = ["Odesa", "Lviv", "Poltava", "Uzhhorod"];
        for (var i = 0; i < 40; i++)
        {
            var (first, last) = (people[i % 4].Split(' ')[0], people[i % 4].Split(' ')[1]);
            lines.AddRange([$"{first} B-PER", $"{last} I-PER", "travelled O", "to O", $"{places[(i + 1) % 4]} B-LOC", "on O", "Monday O", ". O", ""]);
        }
        var path = dir.File("train.conll", string.Join('\n', lines));
        var docs = ConllCorpus.Read(path);
        var lexicon = Lexicon.Empty;
        var a = EntityTrainer.Train(docs, new TrainingOptions(Epochs: 3), lexicon);
        var b = EntityTrainer.Train(docs, new TrainingOptions(Epochs: 3), lexicon);
        a.Save(dir.Combine("a.bin"));
        b.Save(dir.Combine("b.bin"));
        Assert.Equal(File.ReadAllBytes(dir.Combine("a.bin")), File.ReadAllBytes(dir.Combine("b.bin")));

        var loaded = EntityModel.Load(dir.Combine("a.bin"));
        Assert.Equal(1.0, NerEvaluation.Evaluate(loaded, docs, lexicon).Overall.F1);
        const string text = "Maria Lysenko travelled to Lviv on Monday.";
        var found = new EntityRecognizer(loaded, lexicon).Recognize(text).Select(m => (m.Type, m.Span.Of(text)));
        Assert.Equal([("PER", "Maria Lysenko"), ("LOC", "Lviv")], found);
    }

    [Fact]
    public void The_decoder_allows_inside_labels_only_after_the_same_type()
    {
        var per = EntityLabels.Begin(0);
        var perInside = EntityLabels.Inside(0);
        var locInside = EntityLabels.Inside(2);
        Assert.True(EntityLabels.Allowed(per, perInside));
        Assert.False(EntityLabels.Allowed(0, perInside));
        Assert.False(EntityLabels.Allowed(per, locInside));
    }
}
