using System.CommandLine;
using Microsoft.Data.Sqlite;
using Sitrep.Store;
using Sitrep.Store.Sqlite;

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
            using var store = new SqliteDocumentStore(path);
            return body(store);
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

    public static string Example(string description, params string[] examples) =>
        description + "\n\nExample" + (examples.Length > 1 ? "s" : "") + ":\n" + string.Join("\n", examples.Select(e => "  " + e));
}
