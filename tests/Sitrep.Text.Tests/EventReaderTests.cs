using Sitrep.Core.Claims;
using Sitrep.Core.Events;
using Sitrep.Tests;
using Sitrep.Text.Entities;
using Sitrep.Text.Events;
using Sitrep.Text.Quantities;
using Sitrep.Text.Time;

namespace Sitrep.Text.Tests;

/// <summary>The reading stages end to end on texts written for these tests, with the committed model and lexicons.</summary>
internal static class Reading
{
    private static readonly Lazy<(EntityModel Model, Lexicon Lexicon)> Names = new(() =>
    {
        var root = TestPaths.RepoRoot;
        var lexicon = Lexicon.Load(Path.Combine(root, "data", "lexicon"), Path.Combine(root, "artifacts", "gazetteer", "cities.tsv"), Path.Combine(root, "models", "clusters.tsv"));
        return (EntityModel.Load(Path.Combine(root, "models", "ner.bin")), lexicon);
    });

    private static readonly Lazy<(Sitrep.Text.Claims.ClaimLexicon Claims, EventLexicon Events)> Lexicons = new(() =>
        (Sitrep.Text.Claims.ClaimLexicon.Load(Path.Combine(TestPaths.RepoRoot, "data", "claims")), EventLexicon.Load(Path.Combine(TestPaths.RepoRoot, "data", "events"))));

    public sealed record Read(string Text, List<Claim> Claims, List<EventMention> Events, List<Core.Time.TimeExpression> Times)
    {
        public string Of(Core.Documents.TextSpan? span) => span is { } s ? s.Of(Text) : "";
        public string TimeValue(EventMention e) => e.Time is { } t ? Times.First(x => x.Span == t).Value : "";
        public EventMention Event(string type) => Events.Single(e => e.Type == type);
    }

    public static Read Text(string text, DateOnly published)
    {
        // readers keep buffers and tests run in parallel: a reader of its own for each text, over shared models
        var mentions = new EntityRecognizer(Names.Value.Model, Names.Value.Lexicon).Recognize(text);
        var times = TimeTagger.Tag(text, published);
        var (claims, events) = new EventReader(Lexicons.Value.Claims, Lexicons.Value.Events).Read(text, mentions, times, QuantityTagger.Tag(text, times));
        return new Read(text, claims, events, times);
    }
}

public class PhraseSetTests
{
    [Fact]
    public void Alternatives_prefixes_and_gaps_match_over_tokens()
    {
        var set = new Sitrep.Text.Patterns.PhraseSet<string>();
        set.Add("took|taken ~1 control of", "control");
        set.Add("recaptur*", "recapture");
        const string text = "Troops took full control of the town and later recaptured the bridge; they had taken control of it before.";
        var tokens = Sitrep.Text.Tokens.Tokenizer.Tokenize(text);
        var found = new List<Sitrep.Text.Patterns.PhraseMatch<string>>();
        set.Match(text, tokens, 0, tokens.Count, found);
        Assert.Equal(["took full control of", "recaptured", "taken control of"], found.Select(m => text[tokens[m.First].Start..tokens[m.Last].End]));
    }

    [Fact]
    public void A_malformed_phrase_is_refused_with_the_reason()
    {
        var set = new Sitrep.Text.Patterns.PhraseSet<int>();
        Assert.Contains("4 letters", Assert.Throws<FormatException>(() => set.Add("bom*", 1)).Message);
        Assert.Contains("gap", Assert.Throws<FormatException>(() => set.Add("~2 control", 1)).Message);
    }

    [Fact]
    public void A_bad_line_in_a_lexicon_names_the_file_and_line()
    {
        using var dir = new TempDir();
        dir.File("triggers.tsv", "# type\tphrase\nstrike\tshelling\nbattle\tfought\n");
        dir.File("blockers.tsv", "not\tnear\n");
        dir.File("people.txt", "soldier\n");
        dir.File("affiliations.tsv", "Russian\tRussia\n");
        var e = Assert.Throws<FormatException>(() => EventLexicon.Load(dir.Path));
        Assert.Contains("triggers.tsv:3", e.Message);
        Assert.Contains("'battle' is not an event type", e.Message);
    }
}

public class ClaimTaggerTests
{
    private static readonly DateOnly Friday = new(2025, 3, 14);

    private static (string Source, string Cue, Stance Stance) Claim(Reading.Read r, int sentence) =>
        (r.Of(r.Claims[sentence].Source), r.Claims[sentence].Cue ?? "", r.Claims[sentence].Stance);

    [Fact]
    public void Sources_are_found_before_after_and_behind_according_to()
    {
        var r = Reading.Text("Anton Melnyk, deputy head of the regional council, told reporters that the bridge was destroyed.\n" +
                             "The shelling continued overnight, according to the Ministry of Defence.\n" +
                             "This was reported by Reuters.\n" +
                             "The power station was hit twice.", Friday);
        Assert.Equal(("Anton Melnyk", "told", Stance.Asserts), Claim(r, 0));
        Assert.Equal(("Ministry of Defence", "according to", Stance.Asserts), Claim(r, 1));
        Assert.Equal(("Reuters", "reported", Stance.Asserts), Claim(r, 2));
        // the outlet's own voice
        Assert.Null(r.Claims[3].Source);
    }

    [Fact]
    public void Pronouns_and_quotations_go_back_to_their_speaker()
    {
        var r = Reading.Text("Governor Ivan Fedorov said the evacuation would continue.\n" +
                             "He added that two schools had been damaged.\n" +
                             "\u201cWe are moving people out. Nobody will be left behind,\u201d Fedorov told local television.", Friday);
        Assert.Equal("Ivan Fedorov", r.Of(r.Claims[1].Source));
        Assert.Equal("Fedorov", r.Of(r.Claims[2].Source));
        Assert.Equal("Fedorov", r.Of(r.Claims[3].Source));
    }

    [Fact]
    public void Stance_says_denied_confirmed_unverified_or_hedged()
    {
        var r = Reading.Text("The general staff denied claims that the brigade had been encircled.\n" +
                             "Reuters has been able to verify a video showing the damaged bridge.\n" +
                             "Reuters could not independently verify the figures.\n" +
                             "The convoy was reportedly hit near the border.", Friday);
        Assert.Equal(Stance.Denies, r.Claims[0].Stance);
        Assert.Equal(("Reuters", Stance.Confirms), (r.Of(r.Claims[1].Source), r.Claims[1].Stance));
        Assert.Equal(("Reuters", Stance.Unverified), (r.Of(r.Claims[2].Source), r.Claims[2].Stance));
        Assert.Equal(Stance.Hedged, r.Claims[3].Stance);
    }

    [Fact]
    public void A_verb_inside_a_name_attributes_nothing()
    {
        var r = Reading.Text("Talks between Ukraine and the United States resumed in Jeddah.", Friday);
        Assert.Null(r.Claims[0].Source);
    }
}

public class EventTaggerTests
{
    private static readonly DateOnly Thursday = new(2025, 3, 13);

    [Fact]
    public void A_date_opening_the_sentence_dates_the_event_and_a_deadline_does_not()
    {
        var r = Reading.Text("On 12 March, the Russian Ministry of Defence reported that it had taken control of three villages in the Belgorod region.\n" +
                             "On 10 March, Vladimir Putin ordered the army to push Ukrainian forces out of the region by April 1.", Thursday);
        var taken = r.Event("control_change");
        Assert.Equal("2025-03-12", r.TimeValue(taken));
        Assert.Equal("Belgorod region", r.Of(taken.Place));
        Assert.Contains("Russian Ministry of Defence", taken.Actors.Select(a => r.Of(a)));
        Assert.Equal("2025-03-10", r.TimeValue(r.Event("order")));
    }

    [Fact]
    public void Negated_conditional_and_possible_events_are_not_events()
    {
        var r = Reading.Text("Ukrainian troops may withdraw from the town in the coming days.\n" +
                             "If the army retreats, the city will be exposed.\n" +
                             "The garrison did not withdraw.", Thursday);
        Assert.DoesNotContain(r.Events, e => e.Type == "withdrawal");
    }

    [Fact]
    public void The_one_who_reports_an_attack_is_not_its_doer_unless_the_report_makes_it_so()
    {
        var r = Reading.Text("Kremlin spokesman Dmitry Peskov said the attack on the dam was meant to distract attention.\n" +
                             "Ukraine claims to have intercepted 74 out of 117 drones launched during the night.", Thursday);
        Assert.DoesNotContain("Dmitry Peskov", r.Event("strike").Actors.Select(a => r.Of(a)));
        Assert.Equal(["Ukraine"], r.Event("interception").Actors.Select(a => r.Of(a)));
    }

    [Fact]
    public void The_passive_takes_its_agent_and_numbers_stay_with_their_event()
    {
        var r = Reading.Text("Three civilian workers were killed on Wednesday by Russian shelling in Kherson.\n" +
                             "Ukraine said it had intercepted 40 out of 55 drones overnight.", Thursday);
        var killed = r.Event("casualties");
        Assert.Equal("2025-03-12", r.TimeValue(killed));
        Assert.Equal("Kherson", r.Of(killed.Place));
        Assert.Equal(["Russian"], killed.Actors.Select(a => r.Of(a)));
        var intercepted = r.Event("interception");
        Assert.Equal(["Ukraine"], intercepted.Actors.Select(a => r.Of(a)));
        Assert.Equal(["40 out of 55 drones"], intercepted.Quantities.Select(q => r.Of(q)));
    }

    [Fact]
    public void The_city_points_back_to_the_town_named_before_and_the_same_day_to_its_date()
    {
        var r = Reading.Text("On March 9, fighting reached the town of Pokrovsk.\n" +
                             "Officials said Russian troops have entered the city.\n" +
                             "On the same day, Kyiv said Russia was seeking to deploy 5,000 troops to the Kursk region.", Thursday);
        var entered = r.Event("control_change");
        Assert.Equal("Pokrovsk", r.Of(entered.Place));
        Assert.Equal("2025-03-09", r.TimeValue(r.Event("deployment")));
    }
}
