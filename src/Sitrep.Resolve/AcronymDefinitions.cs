using System.Text.RegularExpressions;
using Sitrep.Core.Entities;

namespace Sitrep.Resolve;

/// <summary>
/// An acronym written right after a name stands for it, whatever its letters: "the Security Service of Ukraine (SBU)"
/// (the initials of the Ukrainian name), "Russian Federal Security Service, FSB, said". The resolver joins the acronym
/// to the name in that document, and so everywhere else the acronym stands alone.
/// </summary>
public static partial class AcronymDefinitions
{
    [GeneratedRegex(@"^\s*(?:\(|,)\s*$")]
    private static partial Regex Between();

    [GeneratedRegex(@"^\s*[),.;:]")]
    private static partial Regex Closing();

    /// <summary>Each acronym mention that follows the name it stands for, with that name.</summary>
    public static Dictionary<EntityMention, string> Of(IEnumerable<EntityMention> mentions, Func<string, string?> body)
    {
        var result = new Dictionary<EntityMention, string>();
        foreach (var doc in mentions.Where(m => m.Type != "PER").GroupBy(m => m.Document))
        {
            var ordered = doc.OrderBy(m => m.Span.Start).ToList();
            string? text = null;
            for (var i = 1; i < ordered.Count; i++)
            {
                var (name, acronym) = (ordered[i - 1], ordered[i]);
                if (!IsAcronym(acronym.Text) || IsAcronym(name.Text) || NameKey.Words(name.Text).Count() < 2) continue;
                if (acronym.Span.Start - name.Span.End is < 1 or > 4) continue;
                text ??= body(doc.Key);
                if (text is null || acronym.Span.End > text.Length) break;
                if (Between().IsMatch(text[name.Span.End..acronym.Span.Start]) && Closing().IsMatch(text[acronym.Span.End..Math.Min(text.Length, acronym.Span.End + 2)]))
                    result[acronym] = name.Text;
            }
        }
        return result;
    }

    private static bool IsAcronym(string text) => text.Length is >= 2 and <= 6 && text.All(char.IsUpper);
}
