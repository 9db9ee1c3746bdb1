using Sitrep.Text.Events.Mentions;
using Sitrep.Text.Lexing;

namespace Sitrep.Text.Tests.Events;

public class EventMentionTests
{
    private const string Document = """
        <Document doc_name="7_1ecb.xml" doc_id="DOC1">
        <token t_id="1" sentence="0" number="0">Rebels</token>
        <token t_id="2" sentence="0" number="1">shelled</token>
        <token t_id="3" sentence="0" number="2">the</token>
        <token t_id="4" sentence="0" number="3">town</token>
        <token t_id="5" sentence="1" number="0">The</token>
        <token t_id="6" sentence="1" number="1">shelling</token>
        <token t_id="7" sentence="1" number="2">killed</token>
        <token t_id="8" sentence="1" number="3">two</token>
        <token t_id="9" sentence="2" number="0">Officials</token>
        <token t_id="10" sentence="2" number="1">said</token>
        <token t_id="11" sentence="2" number="2">nothing</token>
        <Markables>
        <ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
        <ACTION_OCCURRENCE m_id="2"><token_anchor t_id="6"/></ACTION_OCCURRENCE>
        <ACTION_OCCURRENCE m_id="3"><token_anchor t_id="7"/></ACTION_OCCURRENCE>
        <ACTION_REPORTING m_id="4"><token_anchor t_id="10"/></ACTION_REPORTING>
        <LOC_GEO m_id="5"><token_anchor t_id="4"/></LOC_GEO>
        <ACTION_OCCURRENCE m_id="9" TAG_DESCRIPTOR="shelling" instance_id="ACT42"/>
        </Markables>
        <Relations>
        <CROSS_DOC_COREF r_id="1" note="ACT42"><source m_id="1"/><source m_id="2"/><target m_id="9"/></CROSS_DOC_COREF>
        </Relations>
        </Document>
        """;

    private static string WriteCorpus()
    {
        var root = Path.Combine(Path.GetTempPath(), "sitrep-ecb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "7"));
        File.WriteAllText(Path.Combine(root, "7", "7_1ecb.xml"), Document);
        File.WriteAllText(Path.Combine(root, EcbCorpus.SentenceList), "Topic,File,Sentence Number\n7,1ecb,0\n7,1ecb,1\n");
        return root;
    }

    [Fact]
    public void The_reader_keeps_event_mentions_of_listed_sentences_with_their_chains()
    {
        var root = WriteCorpus();
        try
        {
            var doc = Assert.Single(EcbCorpus.ReadFolder(root));
            Assert.Equal("7", doc.Topic);
            var events = doc.Events.ToList();
            // "said" is in sentence 2, which the list leaves out; the town is a place, not an event
            Assert.Equal(["1", "2", "3"], events.Select(e => e.MarkableId));
            Assert.Equal("ACT42", events[0].Chain);
            Assert.Equal(events[0].Chain, events[1].Chain);
            Assert.NotEqual(events[0].Chain, events[2].Chain);
            Assert.Equal([6], events[2].Tokens);
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public void Training_sentences_label_event_words_begin_and_the_rest_outside()
    {
        var root = WriteCorpus();
        try
        {
            var sentences = MentionCorpora.FromEcb(EcbCorpus.ReadFolder(root)).ToList();
            Assert.Equal(2, sentences.Count);
            Assert.Equal([0, 1, 0, 0], sentences[0].Labels);
            Assert.Equal([0, 1, 1, 0], sentences[1].Labels); // two mentions side by side: each begins
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public void TimeML_events_become_labelled_tokens()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sitrep-tml-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.tml"), """
            <?xml version="1.0" ?>
            <TimeML><TEXT>Troops <EVENT eid="e1" class="OCCURRENCE">crossed</EVENT> the border on Monday.</TEXT></TimeML>
            """);
        try
        {
            var sentence = Assert.Single(MentionCorpora.FromTimeMl(folder), s => s.Tokens.Contains("crossed"));
            Assert.Equal(EventMentionTagger.Begin, sentence.Labels[Array.IndexOf(sentence.Tokens, "crossed")]);
            Assert.Equal(1, sentence.Labels.Count(l => l != EventMentionTagger.Outside));
        }
        finally { Directory.Delete(folder, true); }
    }

    [Fact]
    public void The_tagger_learns_event_words_and_finds_them_in_new_sentences()
    {
        LabelledSentence S(string text, params int[] events)
        {
            var tokens = text.Split(' ');
            return new LabelledSentence(tokens, tokens.Select((_, i) => events.Contains(i) ? EventMentionTagger.Begin : EventMentionTagger.Outside).ToArray());
        }
        var training = new[]
        {
            S("Rebels attacked the town on Monday", 1), S("The army attacked a village", 2), S("An attack hit the port", 1),
            S("Police arrested two men", 1), S("The men were arrested in Kyiv", 3), S("The town is quiet", []),
        };
        var tagger = EventMentionTrainer.Train(training, null, epochs: 5, seed: 1, new Dictionary<string, string>());
        Assert.Equal([(2, 3)], tagger.Tag("Soldiers later attacked the bridge".Split(' ')));
        Assert.Empty(tagger.Tag("The bridge is quiet".Split(' ')));
        var path = Path.GetTempFileName();
        try
        {
            tagger.Save(path);
            Assert.Equal([(1, 2)], EventMentionTagger.Load(path, null).Tag("Police arrested a driver".Split(' ')));
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("killed", "kill")]
    [InlineData("killing", "kills")]
    [InlineData("shot", "shooting")]
    [InlineData("struck", "strikes")]
    [InlineData("hired", "hiring")]
    [InlineData("died", "dies")]
    [InlineData("arrested", "arrest")]
    public void Forms_of_one_word_share_a_stem(string a, string b) => Assert.Equal(Stems.Of(a), Stems.Of(b));

    [Theory]
    [InlineData("kill", "skill")]
    [InlineData("shot", "shut")]
    [InlineData("arrest", "attest")]
    public void Different_words_keep_different_stems(string a, string b) => Assert.NotEqual(Stems.Of(a), Stems.Of(b));
}
