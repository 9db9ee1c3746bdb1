using System.Globalization;
using System.Text;
using System.Xml;
using Sitrep.Core.Documents;

namespace Sitrep.Text.Time;

public sealed record TimeMlTimex(TextSpan Span, string Type, string Value);

/// <summary>A TimeML document: the plain text of its TEXT element, its TIMEX3 annotations as spans of that text, and its creation date.</summary>
public sealed record TimeMlDocument(string Name, string Text, DateOnly? CreationDate, List<TimeMlTimex> Timexes);

/// <summary>Reads TimeML (.tml) files as TempEval-3 distributes them. DTDs are never processed.</summary>
public static class TimeMlCorpus
{
    public static List<TimeMlDocument> ReadFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(Read).ToList();

    public static TimeMlDocument Read(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(path, settings);
        var text = new StringBuilder();
        var timexes = new List<TimeMlTimex>();
        DateOnly? dct = null;
        bool inText = false, inDct = false;
        (int Start, string Type, string Value)? open = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.Name == "TEXT": inText = true; break;
                case XmlNodeType.Element when reader.Name == "DCT": inDct = true; break;
                case XmlNodeType.Element when reader.Name == "TIMEX3":
                    var value = reader.GetAttribute("value") ?? "";
                    if (inDct && value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) dct = d;
                    if (inText) open = (text.Length, reader.GetAttribute("type") ?? "", value);
                    break;
                case XmlNodeType.EndElement when reader.Name == "TEXT": inText = false; break;
                case XmlNodeType.EndElement when reader.Name == "DCT": inDct = false; break;
                case XmlNodeType.EndElement when reader.Name == "TIMEX3" && open is { } o && inText:
                    var (s, e) = Trim(text, o.Start, text.Length);
                    timexes.Add(new TimeMlTimex(new TextSpan(s, e), o.Type, o.Value));
                    open = null;
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when inText:
                    text.Append(reader.Value);
                    break;
            }
        }
        return new TimeMlDocument(Path.GetFileNameWithoutExtension(path), text.ToString(), dct, timexes);
    }

    private static (int, int) Trim(StringBuilder text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return (start, end);
    }
}
