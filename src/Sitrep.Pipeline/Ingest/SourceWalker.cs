namespace Sitrep.Pipeline.Ingest;

/// <summary>One thing named on the command line or found in a folder: a file to read, standard input, or a problem.</summary>
public sealed record SourceEntry(string Path, SourceKind Kind, string? Problem = null)
{
    public const string StandardInput = "-";
}

public enum SourceKind { File, StandardInput, Url, Skipped, Failed }

/// <summary>
/// Expands paths into files and web addresses, recursing into folders in a stable (ordinal) order. Files named explicitly are always read;
/// files found in folders are read when their extension is one sitrep ingests. Symbolic links are followed once:
/// a link back into a folder already being walked is reported as a loop, not followed forever.
/// </summary>
public static class SourceWalker
{
    public static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".text", ".markdown", ".html", ".htm", ".xml", ".rss", ".atom", ".jsonl", ".ndjson" };

    /// <summary>Article files, compressed ones (page.html.gz) included.</summary>
    public static bool IsArticleFile(string path) =>
        Extensions.Contains(System.IO.Path.GetExtension(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path));

    public static IEnumerable<SourceEntry> Expand(IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (input == SourceEntry.StandardInput) { yield return new SourceEntry(input, SourceKind.StandardInput); continue; }
            if (Sitrep.Ingest.Web.Fetcher.IsUrl(input)) { yield return new SourceEntry(input, SourceKind.Url); continue; }
            if (input.Contains("://", StringComparison.Ordinal) && !File.Exists(input))
            {
                yield return new SourceEntry(input, SourceKind.Failed, "only http and https addresses are fetched");
                continue;
            }
            if (File.Exists(input)) { yield return new SourceEntry(input, SourceKind.File); continue; }
            if (!Directory.Exists(input))
            {
                yield return new SourceEntry(input, SourceKind.Failed, IsBrokenLink(input) ? "broken symbolic link" : "no such file or folder");
                continue;
            }
            var visiting = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in Walk(input, RealPath(input), visiting)) yield return e;
        }
    }

    private static IEnumerable<SourceEntry> Walk(string dir, string real, HashSet<string> visiting)
    {
        visiting.Add(real);
        string[] entries;
        string? problem = null;
        try { entries = Directory.GetFileSystemEntries(dir); }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            entries = [];
            problem = e is UnauthorizedAccessException ? "permission denied" : e.Message;
        }
        if (problem is not null) yield return new SourceEntry(dir, SourceKind.Failed, problem);
        Array.Sort(entries, StringComparer.Ordinal);
        foreach (var path in entries)
        {
            var name = System.IO.Path.GetFileName(path);
            if (name.StartsWith('.')) continue;
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (info.LinkTarget is not null && !info.Exists) { yield return new SourceEntry(path, SourceKind.Failed, "broken symbolic link"); continue; }
            if (info is DirectoryInfo)
            {
                var target = info.LinkTarget is null ? System.IO.Path.Combine(real, name) : RealPath(path);
                if (visiting.Contains(target)) { yield return new SourceEntry(path, SourceKind.Failed, "symbolic link loop (leads back to a folder being read)"); continue; }
                foreach (var e in Walk(path, target, visiting)) yield return e;
                continue;
            }
            yield return IsArticleFile(path)
                ? new SourceEntry(path, SourceKind.File)
                : new SourceEntry(path, SourceKind.Skipped, $"not an article file type ({(System.IO.Path.GetExtension(path) is { Length: > 0 } x ? x : "no extension")})");
        }
        visiting.Remove(real);
    }

    /// <summary>The absolute path with every symbolic link along it resolved.</summary>
    private static string RealPath(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var root = System.IO.Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(System.IO.Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = System.IO.Path.Combine(current, part);
            var di = new DirectoryInfo(current);
            if (di.LinkTarget is not null && di.ResolveLinkTarget(returnFinalTarget: true) is { } t) current = t.FullName;
        }
        return current.TrimEnd(System.IO.Path.DirectorySeparatorChar);
    }

    private static bool IsBrokenLink(string path)
    {
        try { return new FileInfo(path).LinkTarget is not null; }
        catch (IOException) { return false; }
    }
}
