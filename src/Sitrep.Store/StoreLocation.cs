using System.Text.RegularExpressions;
using Sitrep.Store.Sqlite;

namespace Sitrep.Store;

/// <summary>
/// Reads what a user gave as <c>--db</c>: a file path is a SQLite store; anything shaped like a URL names a server,
/// and a scheme this build does not serve is refused rather than taken for a folder named "postgres:".
/// </summary>
public static partial class StoreLocation
{
    public static IDocumentStore Open(string location)
    {
        if (Scheme(location) is { } scheme)
            throw new StoreSetupException(scheme is "postgres" or "postgresql"
                ? $"{Redacted(location)}: PostgreSQL stores are not served by this build of Sitrep; give a file path "
                  + "for an embedded SQLite store"
                : $"{Redacted(location)}: '{scheme}://' is not a kind of store Sitrep knows; give a file path "
                  + "for an embedded SQLite store");
        return new SqliteDocumentStore(location);
    }

    /// <summary>The URL scheme of a location, lower-cased, or null for a plain path (Windows drive letters included).</summary>
    public static string? Scheme(string location)
    {
        var match = SchemePattern().Match(location);
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }

    /// <summary>The location with any password replaced, so errors never print a secret.</summary>
    public static string Redacted(string location) => PasswordPattern().Replace(location, "$1:***@");

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]+)://")]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]+://[^:/@]+):[^@/]*@")]
    private static partial Regex PasswordPattern();
}

/// <summary>A store that cannot be opened as asked: the message says what and how to fix it.</summary>
public sealed class StoreSetupException(string message) : Exception(message);
