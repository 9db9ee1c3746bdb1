using System.Globalization;
using Sitrep.Core.Documents;

namespace Sitrep.Store.Sqlite;

/// <summary>A short list of spans in one column: "120:126,140:152".</summary>
internal static class SpanList
{
    public static string Format(IReadOnlyList<TextSpan> spans) =>
        string.Join(',', spans.Select(s => s.Start.ToString(CultureInfo.InvariantCulture) + ":" + s.End.ToString(CultureInfo.InvariantCulture)));

    public static IReadOnlyList<TextSpan> Parse(string text)
    {
        if (text.Length == 0) return [];
        var list = new List<TextSpan>();
        foreach (var item in text.Split(','))
        {
            var colon = item.IndexOf(':');
            list.Add(new TextSpan(int.Parse(item.AsSpan(0, colon), CultureInfo.InvariantCulture), int.Parse(item.AsSpan(colon + 1), CultureInfo.InvariantCulture)));
        }
        return list;
    }
}
