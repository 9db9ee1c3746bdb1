namespace Sitrep.Text.Entities;

/// <summary>
/// IOB2 labels over entity types. Label 0 is O; for type t, B is 1 + 2t and I is 2 + 2t. New types extend the list;
/// a model file records the types it was trained with.
/// </summary>
public sealed class EntityLabels
{
    public static readonly string[] ConllTypes = ["PER", "ORG", "LOC", "MISC"];

    public EntityLabels(IReadOnlyList<string> types)
    {
        Types = types;
        Names = ["O", .. types.SelectMany(t => new[] { "B-" + t, "I-" + t })];
    }

    public IReadOnlyList<string> Types { get; }
    public string[] Names { get; }
    public int Count => Names.Length;

    public static bool IsOutside(int label) => label == 0;
    public static bool IsBegin(int label) => label > 0 && label % 2 == 1;
    public static int TypeOf(int label) => (label - 1) / 2;
    public static int Begin(int type) => 1 + 2 * type;
    public static int Inside(int type) => 2 + 2 * type;

    /// <summary>I-X may only follow B-X or I-X; the decoder never emits anything else.</summary>
    public static bool Allowed(int previous, int label) => label == 0 || IsBegin(label) || (previous != 0 && TypeOf(previous) == TypeOf(label));

    public int Parse(string tag)
    {
        if (tag == "O") return 0;
        var type = Array.IndexOf(Types.ToArray(), tag[2..]);
        if (type < 0) return 0;
        return tag[0] == 'B' ? Begin(type) : Inside(type);
    }
}
