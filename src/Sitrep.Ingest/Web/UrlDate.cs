using Sitrep.Core.Time;

namespace Sitrep.Ingest.Web;

/// <summary>
/// The date many outlets put in an article's address: /2025/03/12/, /2025-03-12-slug, /20250312/, or /2025/03/ for the
/// month alone. Years outside 1990–2100 are not dates.
/// </summary>
public static class UrlDate
{
    public static PartialDate? Find(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var parts = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var p = parts[i].AsSpan();
            if (Year(p) is { } y && i + 1 < parts.Length && Number(parts[i + 1], 2) is { } m and >= 1 and <= 12)
                return i + 2 < parts.Length && Number(parts[i + 2], 2) is { } d && PartialDate.IsValid(y, m, d) ? new PartialDate(y, m, d) : new PartialDate(y, m, null);
            if (p.Length >= 10 && Year(p[..4]) is { } y2 && p[4] == '-' && p[7] == '-' && Number(p[5..7], 2) is { } m2 && Number(p[8..10], 2) is { } d2
                && (p.Length == 10 || !char.IsAsciiDigit(p[10])) && PartialDate.IsValid(y2, m2, d2))
                return new PartialDate(y2, m2, d2);
            if (p.Length == 8 && Year(p[..4]) is { } y3 && Number(p[4..6], 2) is { } m3 && Number(p[6..], 2) is { } d3 && PartialDate.IsValid(y3, m3, d3))
                return new PartialDate(y3, m3, d3);
        }
        return null;
    }

    private static int? Year(ReadOnlySpan<char> s) => Number(s, 4) is { } y and >= 1990 and <= 2100 ? y : null;

    private static int? Number(ReadOnlySpan<char> s, int digits)
    {
        if (s.Length != digits) return null;
        var n = 0;
        foreach (var c in s) { if (!char.IsAsciiDigit(c)) return null; n = n * 10 + (c - '0'); }
        return n;
    }
}
