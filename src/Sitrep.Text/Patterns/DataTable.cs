namespace Sitrep.Text.Patterns;

/// <summary>
/// Reads the team's tab-separated data files: one record a line, <c>#</c> starts a comment, blank lines are skipped.
/// Errors name the file and the line, because these files are written by hand.
/// </summary>
public static class DataTable
{
    public static IEnumerable<(int Line, string[] Columns)> Read(string path, int minColumns)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"data file {path} is missing", path);
        var n = 0;
        foreach (var raw in File.ReadLines(path))
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var columns = line.Split('\t', StringSplitOptions.TrimEntries);
            if (columns.Length < minColumns) throw new FormatException($"{path}:{n}: expected {minColumns} tab-separated columns, found {columns.Length}");
            yield return (n, columns);
        }
    }

    /// <summary>Adds each row's phrase to a set, with the error naming the file and line when a phrase is malformed.</summary>
    public static void AddPhrase<T>(PhraseSet<T> set, string path, int line, string phrase, T value)
    {
        try { set.Add(phrase, value); }
        catch (FormatException e) { throw new FormatException($"{path}:{line}: {e.Message}", e); }
    }
}
