namespace Sitrep.Text.Tests;

/// <summary>Doers, targets and sources from a sentence's structure, on texts written for these tests.</summary>
public class EventArgumentTests
{
    private static readonly DateOnly Wednesday = new(2024, 5, 8);

    [Fact]
    public void Two_sources_blaming_each_other_give_two_doers_with_their_own_claims()
    {
        var r = Reading.Text("The Oskil dam was destroyed overnight.\n" +
                             "Kyiv says Russian troops blew up the dam; the Kremlin says Ukraine shelled it.", Wednesday);
        var strikes = r.Events.Where(e => e.Type == "strike").ToList();
        Assert.Equal(2, strikes.Count);
        Assert.Contains(strikes, e => e.Actors.Any(a => r.Of(a).Contains("Russian")));
        Assert.Contains(strikes, e => e.Actors.Any(a => r.Of(a) == "Ukraine"));
        // each account rests on the claim of its own source
        Assert.Equal(["Kyiv", "Kremlin"], strikes.Select(e => r.Of(r.Claims[e.Claim!.Value].Source)));
    }

    [Fact]
    public void The_subject_of_a_passive_is_the_target_and_the_agent_the_doer()
    {
        var r = Reading.Text("Several Ukrainian soldiers had been captured by Russian forces near Marinka, General Petro Lysenko said.", Wednesday);
        var capture = r.Event("capture");
        Assert.Contains("Russian", r.Of(capture.Actors[0]));
        Assert.Contains(capture.Targets, t => r.Of(t) == "Ukrainian");
        Assert.DoesNotContain(capture.Actors, a => r.Of(a).Contains("Lysenko"));
    }

    [Fact]
    public void A_reduced_passive_takes_no_doer_from_before_it()
    {
        var r = Reading.Text("Relatives identified three Ukrainian soldiers allegedly captured as prisoners in the town of Marinka.", Wednesday);
        var capture = r.Event("capture");
        Assert.Empty(capture.Actors);
    }

    [Fact]
    public void Whoever_tells_of_an_attack_is_not_its_doer()
    {
        var r = Reading.Text("The mayor of Kamianka, Ivan Petrenko, said the bridge had collapsed after night-time shelling.", Wednesday);
        var strike = r.Event("strike");
        Assert.Empty(strike.Actors);
    }

    [Fact]
    public void A_named_source_announcing_something_is_a_statement_by_that_source()
    {
        var r = Reading.Text("Defence Minister Petro Hrytsenko announced on Monday that the brigade would be rotated.", Wednesday);
        var statement = r.Event("statement");
        Assert.Contains("Petro Hrytsenko", r.Of(statement.Actors[0]));
        Assert.Equal("2024-05-06", r.TimeValue(statement));
    }

    [Fact]
    public void The_place_is_the_town_the_clause_names_rather_than_its_country()
    {
        var r = Reading.Text("Russian artillery shelled targets in Ukraine near the town of Vovchansk overnight.", Wednesday);
        Assert.Equal("Vovchansk", r.Of(r.Event("strike").Place));
    }

    [Fact]
    public void Since_starts_a_state_and_does_not_date_the_event()
    {
        var r = Reading.Text("Russian forces, who have held the plant since 2022, blew it up on Tuesday.", Wednesday);
        Assert.Equal("2024-05-07", r.TimeValue(r.Event("strike")));
    }
}

public class ClaimPronounTests
{
    private static readonly DateOnly Wednesday = new(2024, 5, 8);

    [Fact]
    public void It_said_goes_back_to_the_nearest_organisation()
    {
        var r = Reading.Text("Oleh Kovalenko visited the plant on Monday with the International Atomic Energy Agency.\n" +
                             "It said the cooling pond was intact.", Wednesday);
        Assert.Equal("International Atomic Energy Agency", r.Of(r.Claims[1].Source));
    }

    [Fact]
    public void He_told_goes_back_to_the_nearest_person_even_one_who_said_nothing()
    {
        var r = Reading.Text("The army said the port was hit twice.\n" +
                             "Oleh Kovalenko, the harbour master, inspected the damage on Tuesday.\n" +
                             "He told reporters that 12 shells had landed.", Wednesday);
        Assert.Equal("Oleh Kovalenko", r.Of(r.Claims[2].Source));
    }
}

public class CaptionTests
{
    private static readonly DateOnly Wednesday = new(2024, 5, 8);

    [Fact]
    public void A_photo_caption_or_credit_is_no_ones_claim_and_reports_no_event()
    {
        var r = Reading.Text("This video grab shows the bridge damaged after an attack by Russian drones, the ministry said.\n" +
                             "Rescuers at the port of Izmail on Tuesday. Photo: Oleh Kovalenko\n" +
                             "Russian drones attacked the port of Izmail on Tuesday, the regional governor said.", Wednesday);
        Assert.Null(r.Claims[0].Source);
        Assert.All(r.Claims.Take(3), c => Assert.Null(c.Source));
        var strike = Assert.Single(r.Events, e => e.Type == "strike");
        Assert.True(strike.Sentence.Start > r.Text.IndexOf("Photo:", StringComparison.Ordinal));
    }
}

public class AgentTests
{
    [Fact]
    public void The_agent_of_an_earlier_passive_is_not_the_doer_of_a_later_trigger()
    {
        var r = Reading.Text("Hundreds of soldiers may have been captured by Russia during their chaotic withdrawal from Marinka.",
            new DateOnly(2024, 5, 8));
        Assert.Empty(r.Event("withdrawal").Actors);
    }
}
