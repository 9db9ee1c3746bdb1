using Sitrep.Text.Entities;

namespace Sitrep.Cli.Commands;

/// <summary>
/// Finds the files sitrep reads at run time (models, word lists, the GeoNames gazetteer): under $SITREP_HOME, beside the
/// program or in a folder above it (the repository, when run from a build), or above the current folder.
/// </summary>
internal static class Resources
{
    public const string EntityModel = "models/ner.bin";
    public const string EncoderEntityModel = "models/ner-encoder.bin";
    public const string Clusters = "models/clusters.tsv";
    public const string WordLists = "data/lexicon";
    public const string Cities = "artifacts/gazetteer/cities.tsv";
    public const string GazetteerTables = "data/gazetteer";
    public const string ClaimCues = "data/claims";
    public const string EventTriggers = "data/events";

    /// <summary>GeoNames' cities with the country table, or null (and a warning) when the build has not made them.</summary>
    public static Sitrep.Resolve.Gazetteer? LoadGazetteer()
    {
        if (Find(Cities) is not { } cities || Find(GazetteerTables) is not { } tables)
        {
            Console.Error.WriteLine($"warning: no gazetteer ({Cities}); places are not put on the map");
            return null;
        }
        return Sitrep.Resolve.Gazetteer.Load(cities, tables);
    }

    public static string? Find(string relative)
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("SITREP_HOME") is { Length: > 0 } home) candidates.Add(Path.Combine(home, relative));
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent) candidates.Add(Path.Combine(d.FullName, relative));
        for (var d = new DirectoryInfo(Environment.CurrentDirectory); d is not null; d = d.Parent) candidates.Add(Path.Combine(d.FullName, relative));
        return candidates.FirstOrDefault(p => File.Exists(p) || Directory.Exists(p));
    }

    /// <summary>The word lists with GeoNames' cities and the word clusters where they are found.</summary>
    public static Lexicon? LoadLexicon()
    {
        if (Find(WordLists) is not { } lists)
        {
            Console.Error.WriteLine($"sitrep: the word lists ({WordLists}) are missing");
            return null;
        }
        var lexicon = Lexicon.Load(lists, Find(Cities), Find(Clusters));
        // the press's names for places that GeoNames spells otherwise, for the recognizer's repairs
        if (Find(GazetteerTables) is { } tables) lexicon.AddPlaceNames(Sitrep.Resolve.Gazetteer.ExonymNames(tables));
        return lexicon;
    }

    /// <summary>The claim and event lexicons, or null (and a warning) when they are missing.</summary>
    public static Text.Events.EventReader? LoadEventReader()
    {
        if (Find(ClaimCues) is not { } claims || Find(EventTriggers) is not { } events)
        {
            Console.Error.WriteLine($"warning: no claim or event lexicons ({ClaimCues}, {EventTriggers}); claims and events will not be extracted");
            return null;
        }
        return new Text.Events.EventReader(Text.Claims.ClaimLexicon.Load(claims), Text.Events.EventLexicon.Load(events));
    }

    /// <summary>The store's resolution: the stored one when current, else resolved afresh (and stored).</summary>
    public static Core.Events.Story LoadStory(Store.IDocumentStore store) => Pipeline.Show.StoredStories.Current(store, () => ResolveStory(store));

    /// <summary>The store resolved into entities, claims and events, with whatever gazetteer and event lexicon are found.</summary>
    public static Core.Events.Story ResolveStory(Store.IDocumentStore store)
    {
        IReadOnlyDictionary<string, string>? affiliations = null;
        if (Find(EventTriggers) is { } events)
        {
            try { affiliations = Text.Events.EventLexicon.Load(events).Affiliations; }
            catch (Exception e) when (e is FormatException or FileNotFoundException) { Console.Error.WriteLine($"warning: {e.Message}; events are left out"); }
        }
        else Console.Error.WriteLine($"warning: no event lexicon ({EventTriggers}); events are left out");
        return Pipeline.Show.Stories.Of(store, LoadGazetteer(), affiliations);
    }

    public static EntityModel? LoadEntities(string? path)
    {
        path ??= Find(EntityModel);
        if (path is null || !File.Exists(path))
        {
            Console.Error.WriteLine($"sitrep: no entity model at {path ?? EntityModel} (train one with 'sitrep train ner')");
            return null;
        }
        try { return Text.Entities.EntityModel.Load(path); }
        catch (Exception e) when (e is InvalidDataException or IOException or EndOfStreamException)
        {
            Console.Error.WriteLine($"sitrep: {path}: {e.Message}");
            return null;
        }
    }
}
