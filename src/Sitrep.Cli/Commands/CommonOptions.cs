using Sitrep.Text.Events;
using System.CommandLine;
using Microsoft.Data.Sqlite;
using Sitrep.Store;
using Sitrep.Pipeline.Ingest;
using Sitrep.Text.Entities;

namespace Sitrep.Cli.Commands;

internal static class CommonOptions
{
    public const string DbVariable = "SITREP_DB";

    public static readonly Option<string> Db = new("--db")
    {
        Description = $"The database file (default: ${DbVariable}, else ./sitrep.db)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(DbVariable) is { Length: > 0 } v ? v : "sitrep.db",
    };

    public static Option<bool> Json(string what) => new("--json") { Description = $"Print {what} as JSON" };

    /// <summary>Runs a command body against the store; a database that cannot be opened is a one-line error, not a stack trace.</summary>
    public static int WithStore(ParseResult parse, Func<IDocumentStore, int> body)
    {
        var path = parse.GetValue(Db)!;
        try
        {
            using var store = StoreLocation.Open(path);
            return body(store);
        }
        catch (StoreSetupException e)
        {
            Console.Error.WriteLine($"sitrep: database {e.Message}");
            return 2;
        }
        catch (SqliteException e)
        {
            Console.Error.WriteLine($"sitrep: database {path}: {e.Message}");
            return 2;
        }
        catch (InvalidOperationException e) when (e.Message.Contains("schema version"))
        {
            Console.Error.WriteLine($"sitrep: database {path}: {e.Message}");
            return 2;
        }
    }

    /// <summary>
    /// The document reader with the entity model and the claim and event lexicons. Without a model names are not
    /// extracted (a warning says so); a model that does not match the word lists, or a malformed lexicon, is an error,
    /// since the results would be silently worse.
    /// </summary>
    /// <param name="fast">Read names with the perceptron (--fast) instead of the encoder model.</param>
    public static DocumentReader? Reader(bool quiet, bool fast = false)
    {
        EventReader? events;
        try { events = Resources.LoadEventReader(); }
        catch (Exception e) when (e is FormatException or FileNotFoundException)
        {
            Console.Error.WriteLine($"sitrep: {e.Message}");
            return null;
        }
        var path = Resources.Find(Resources.EntityModel);
        fast |= Environment.GetEnvironmentVariable("SITREP_ENTITIES") is "fast";
        if ((path is null && (fast || Resources.Find(Resources.EncoderEntityModel) is null)) || Resources.LoadLexicon() is not { } lexicon)
        {
            if (!quiet) Console.Error.WriteLine($"warning: no entity model found ({Resources.EntityModel}); names will not be extracted");
            return new DocumentReader(null, events);
        }
        if (EntityModes.Load(fast, null, lexicon, quiet) is not { } tagger) return null;
        try { return new DocumentReader(new EntityRecognizer(tagger.Tagger, lexicon, tagger.Info), events); }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"sitrep: {tagger.Tagger.Name} entity model: {e.Message}");
            return null;
        }
    }

    public static string Example(string description, params string[] examples) =>
        description + "\n\nExample" + (examples.Length > 1 ? "s" : "") + ":\n" + string.Join("\n", examples.Select(e => "  " + e));
}
