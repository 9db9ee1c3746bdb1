using System.Globalization;

namespace Sitrep.Core.Documents;

/// <summary>
/// How a document's bytes were decoded, as one stored string: the charset, and "; N replaced" when N bad byte
/// sequences became U+FFFD (a lossy decoding, exported as <c>decoding: lossy</c>).
/// </summary>
public static class EncodingNote
{
    private const string Mark = " replaced";

    public static string Of(string charset, int replaced) =>
        replaced > 0 ? $"{charset}; {replaced.ToString(CultureInfo.InvariantCulture)}{Mark}" : charset;

    /// <summary>How many characters of the text stand for bytes that could not be decoded; 0 for an exact decoding.</summary>
    public static int Replaced(string note)
    {
        var semicolon = note.LastIndexOf("; ", StringComparison.Ordinal);
        if (semicolon < 0 || !note.EndsWith(Mark, StringComparison.Ordinal)) return 0;
        var count = note.AsSpan(semicolon + 2, note.Length - semicolon - 2 - Mark.Length);
        return int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }
}
