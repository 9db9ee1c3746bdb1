using Sitrep.Core.Documents;
using Sitrep.Text.Sentences;
using Sitrep.Text.Tokens;

namespace Sitrep.Text.Entities;

/// <summary>Finds the names in a body: sentences, tokens, then the entity model, one document at a time. Not thread-safe: one per worker.</summary>
public sealed class EntityRecognizer
{
    private readonly IEntityTagger _tagger;
    private readonly EntityLabels _labels;

    /// <exception cref="InvalidOperationException">The model was trained with other word lists or clusters.</exception>
    public EntityRecognizer(EntityModel model, Lexicon lexicon) : this(new PerceptronTagger(model, lexicon), lexicon, model.Info)
    {
    }

    /// <param name="trainedWith">The model's own record of what it was trained with (its word lists' signature).</param>
    /// <exception cref="InvalidOperationException">The model was trained with other word lists or clusters.</exception>
    public EntityRecognizer(IEntityTagger tagger, Lexicon lexicon, IReadOnlyDictionary<string, string> trainedWith)
    {
        if (trainedWith.GetValueOrDefault("lexicon") is { } trained && trained != lexicon.Signature)
            throw new InvalidOperationException($"the entity model was trained with other word lists ({trained}) than these ({lexicon.Signature}); run 'sitrep train ner' again");
        _tagger = tagger;
        _labels = tagger.Labels;
        _lexicon = lexicon;
        _person = _labels.Types.ToList().IndexOf("PER");
        _location = _labels.Types.ToList().IndexOf("LOC");
        _organisation = _labels.Types.ToList().IndexOf("ORG");
    }

    private readonly Lexicon _lexicon;
    private readonly int _person;
    private readonly int _location;
    private readonly int _organisation;

    /// <summary>Which model reads the names ("perceptron", "encoder").</summary>
    public string ModelName => _tagger.Name;

    private static readonly HashSet<string> RegionWords = new(StringComparer.OrdinalIgnoreCase) { "region", "oblast", "province", "krai", "governorate" };

    public List<Mention> Recognize(string text)
    {
        var mentions = new List<Mention>();
        var places = new HashSet<string>(StringComparer.Ordinal);
        var sentences = SentenceSplitter.Split(text).Select(s => Tokenizer.Tokenize(text, s.Start, s.End)).Where(t => t.Count > 0).ToList();
        var allLabels = sentences.Select(t => new int[t.Count]).ToArray();
        _tagger.Tag(text, sentences, allLabels);
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s];
            var labels = allLabels[s];
            RepairLowerCaseFirstNames(text, tokens, labels);
            SplitTrailingPeople(text, tokens, labels);
            RetypePlacesAfterLocatives(text, tokens, labels, places);
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!EntityLabels.IsBegin(labels[i])) continue;
                var type = EntityLabels.TypeOf(labels[i]);
                var e = MentionEnd(labels, i, tokens.Count);
                var end = tokens[e - 1].End;
                // "Kursk region", "Sumy Oblast": the region word is part of the region's name
                if (_labels.Types[type] == "LOC" && e < tokens.Count && RegionWords.Contains(tokens[e].Of(text))) end = tokens[e++].End;
                mentions.Add(new Mention(new TextSpan(tokens[i].Start, end), _labels.Types[type]));
                i = e - 1;
            }
        }
        // one sense per document: where a name was shown to be a place, it is a place throughout ("shelled Lugansk … in Lugansk")
        if (places.Count > 0)
            for (var k = 0; k < mentions.Count; k++)
                if (mentions[k].Type is "PER" or "MISC" && places.Contains(mentions[k].Span.Of(text))) mentions[k] = mentions[k] with { Type = "LOC" };
        return mentions;
    }

    /// <summary>Where the mention that begins at token <paramref name="begin"/> ends (exclusive).</summary>
    private static int MentionEnd(int[] labels, int begin, int count)
    {
        var inside = EntityLabels.Inside(EntityLabels.TypeOf(labels[begin]));
        var e = begin + 1;
        while (e < count && labels[e] == inside) e++;
        return e;
    }

    private bool IsFirstName(string text, ReadOnlySpan<TextSpan> tokens, int i) => _lexicon.Has(Lexicon.PhraseHash(text, tokens.Slice(i, 1)), Lexicon.ListClass.FirstName);

    /// <summary>
    /// An organisation's name that runs on into a person's: "the Russian Ministry of Defence Igor Konashenkov said". A
    /// known first name inside the mention, after a capitalised word and followed by one or two more, starts the person.
    /// Names of organisations that begin with a person ("John Hopkins University") are not touched: the first name
    /// must not be the mention's first word.
    /// </summary>
    private void SplitTrailingPeople(string text, List<TextSpan> tokens, int[] labels)
    {
        if (_person < 0) return;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        for (var b = 0; b < tokens.Count; b++)
        {
            if (!EntityLabels.IsBegin(labels[b]) || EntityLabels.TypeOf(labels[b]) == _person) continue;
            var e = MentionEnd(labels, b, tokens.Count);
            for (var k = Math.Max(b + 2, e - 3); k <= e - 2; k++)
            {
                if (!char.IsUpper(text[tokens[k - 1].Start]) || !Enumerable.Range(k, e - k).All(x => char.IsUpper(text[tokens[x].Start]))) continue;
                if (!IsFirstName(text, span, k)) continue;
                labels[k] = EntityLabels.Begin(_person);
                for (var x = k + 1; x < e; x++) labels[x] = EntityLabels.Inside(_person);
                break;
            }
            b = e - 1;
        }
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Locatives =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "in", "near", "into", "outside", "around", "towards", "toward", "from", "at" }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A place the model misread as a person or a thing, as it does with names it never saw in training ("shelled
    /// Vuhledar", "wounded in Lugansk"): a name of up to three words that the gazetteer knows as a place, after a word
    /// of place (in, near, outside…), and not starting with a first name, is a place.
    /// </summary>
    private void RetypePlacesAfterLocatives(string text, List<TextSpan> tokens, int[] labels, HashSet<string> places)
    {
        if (_location < 0) return;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        for (var b = 1; b < tokens.Count; b++)
        {
            if (!EntityLabels.IsBegin(labels[b]) || EntityLabels.TypeOf(labels[b]) == _location || EntityLabels.TypeOf(labels[b]) == _organisation) continue;
            var e = MentionEnd(labels, b, tokens.Count);
            if (e - b <= 3 && Locatives.Contains(text.AsSpan(tokens[b - 1].Start, tokens[b - 1].Length)) && _lexicon.IsPlace(Lexicon.PhraseHash(text, span[b..e]))
                && !IsFirstName(text, span, b))
            {
                labels[b] = EntityLabels.Begin(_location);
                for (var x = b + 1; x < e; x++) labels[x] = EntityLabels.Inside(_location);
                places.Add(text[tokens[b].Start..tokens[e - 1].End]);
            }
            b = e - 1;
        }
    }

    /// <summary>
    /// A first name that conversion left in lower case before a capitalised word is the start of a person's name:
    /// "political scientist dmitry Snegirev". The model, trained on edited text, reads the surname alone (often as a
    /// place); the first-name list and the capital that follows are evidence enough to read both as one person.
    /// </summary>
    private void RepairLowerCaseFirstNames(string text, List<TextSpan> tokens, int[] labels)
    {
        if (_person < 0) return;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var first = text[tokens[i].Start];
            var next = text[tokens[i + 1].Start];
            if (!EntityLabels.IsOutside(labels[i]) || !char.IsLower(first) || !char.IsUpper(next) || tokens[i].Length < 3) continue;
            if (!IsFirstName(text, span, i)) continue;
            // the capitalised word must not already continue a name of its own ("ivan" before "New York" is not a person)
            if (i + 2 < tokens.Count && !EntityLabels.IsOutside(labels[i + 2]) && !EntityLabels.IsBegin(labels[i + 2])) continue;
            labels[i] = EntityLabels.Begin(_person);
            labels[i + 1] = EntityLabels.Inside(_person);
        }
    }
}
