using Sitrep.Core.Events;
using Sitrep.Pipeline.Ingest;
using Sitrep.Store.Sqlite;
using Sitrep.Tests;

namespace Sitrep.Store.Tests;

/// <summary>Three outlets report one strike with different spellings, numbers and stances; a fourth reports another event.</summary>
public class EventStoryTests
{
    private const string Wire = """
        Border Wire

        Drones hit fuel depot near Kupiansk

        14 May 2025 08:10

        On May 13, Russian drones struck a fuel depot near Kupiansk, regional governor Oleh Syniehubov said.
        According to the governor, 12 drones were launched at the town overnight.
        """;

    private const string Desk = """
        Evening Desk

        Governor says depot attacked

        14 May 2025 19:30

        Russian forces attacked a fuel depot in Kupjansk on Tuesday, Governor Oleh Synehubov said.
        The Ukrainian air force said it had shot down 9 of the drones.
        """;

    private const string Denial = """
        Moscow Bulletin

        Ministry rejects reports of depot strike

        15 May 2025 09:00

        The Russian Ministry of Defence denied claims that its drones attacked a fuel depot in Kupyansk on May 13.
        """;

    private const string Other = """
        Coast Report

        Evacuation ordered in Kherson

        15 May 2025 12:00

        On May 14, authorities ordered the evacuation of 300 residents from villages near Kherson.
        Russia has repeatedly denied targeting civilians.
        """;

    private static (SqliteDocumentStore Store, Story Story) Ingested(TempDir dir)
    {
        foreach (var (name, text) in new[] { ("wire.txt", Wire), ("desk.txt", Desk), ("denial.txt", Denial), ("other.txt", Other) })
            dir.File("in/" + name, text);
        var store = new SqliteDocumentStore(dir.Combine("s.db"));
        var summary = new IngestJob(store, new IngestOptions(), TestModels.Reader()).Run([dir.Combine("in")], _ => { });
        Assert.Equal(0, summary.Failed);
        return (store, TestModels.Story(store));
    }

    [Fact]
    public void One_strike_across_three_outlets_with_their_disagreement()
    {
        using var dir = new TempDir();
        var (store, story) = Ingested(dir);
        using var _ = store;
        var strikes = story.Events.Where(e => e.Type == "strike").ToList();
        var strike = Assert.Single(strikes);
        Assert.Equal(3, strike.Reports.Select(r => r.Document).Distinct().Count());
        Assert.Equal(("2025-05-13", "day", true), (strike.Date!.Value, strike.Date.Precision, strike.Date.FromText));
        var place = story.Entities.Single(e => e.Id == strike.Place);
        Assert.Contains("Kupiansk", place.Aliases.Append(place.Name));
        Assert.Contains("Kupyansk", place.Aliases);
        // "Russian drones" and "Russian forces" act for Russia, which another article names
        Assert.Contains(strike.Actors, a => story.Entities.Single(e => e.Id == a).Name == "Russia");
        // one outlet carries the denial
        Assert.Equal("disputed", strike.Status);
        Assert.Contains(strike.Conflicts, c => c.Field == "status");
    }

    [Fact]
    public void Claims_name_their_source_and_events_of_other_places_stay_apart()
    {
        using var dir = new TempDir();
        var (store, story) = Ingested(dir);
        using var _ = store;
        var governor = story.Claims.Where(c => c.SourceEntity is not null && story.Entities.Single(e => e.Id == c.SourceEntity).Aliases.Contains("Oleh Syniehubov")).ToList();
        Assert.True(governor.Count >= 2, "the governor's claims in both outlets resolve to one entity");
        var evacuation = Assert.Single(story.Events, e => e.Type == "evacuation");
        Assert.Equal("2025-05-14", evacuation.Date!.Value);
        Assert.Single(evacuation.Reports);
        Assert.All(story.Events.SelectMany(e => e.Reports), r => Assert.StartsWith("c-", r.ClaimId));
    }

    [Fact]
    public void Reprocessing_keeps_claims_and_events()
    {
        using var dir = new TempDir();
        var (store, story) = Ingested(dir);
        using var _ = store;
        Reprocessor.Run(store, TestModels.Reader());
        var again = TestModels.Story(store);
        Assert.Equal(story.Events.Select(e => e.Id), again.Events.Select(e => e.Id));
        Assert.Equal(story.Claims.Count, again.Claims.Count);
    }
}
