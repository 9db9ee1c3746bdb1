using Sitrep.Core.Documents;
using Sitrep.Text.Sentences;
using Sitrep.Text.Tokens;

namespace Sitrep.Text.Entities;

/// <summary>Finds the names in a body: sentences, tokens, then the entity model, one document at a time. Not thread-safe: one per worker.</summary>
public sealed class EntityRecognizer
{
    private readonly EntityModel model;

    /// <exception cref="InvalidOperationException">The model was trained with other word lists or clusters.</exception>
    public EntityRecognizer(EntityModel model, Lexicon lexicon)
    {
        if (model.Info.GetValueOrDefault("lexicon") is { } trained && trained != lexicon.Signature)
            throw new InvalidOperationException($"the entity model was trained with other word lists ({trained}) than these ({lexicon.Signature}); run 'sitrep train ner' again");
        this.model = model;
        _features = new FeatureExtractor(lexicon);
    }

    private readonly FeatureExtractor _features;
    private readonly DocumentMemory _memory = new();
    private readonly List<ulong> _buffer = new(96);

    public EntityModel Model => model;

    private static readonly HashSet<string> RegionWords = new(StringComparer.OrdinalIgnoreCase) { "region", "oblast", "province", "krai", "governorate" };

    public List<Mention> Recognize(string text)
    {
        _memory.Clear();
        var mentions = new List<Mention>();
        var labels = new int[256];
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var tokens = Tokenizer.Tokenize(text, sentence.Start, sentence.End);
            if (tokens.Count == 0) continue;
            if (labels.Length < tokens.Count) labels = new int[tokens.Count * 2];
            model.Tag(_features, text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens), _memory, labels, _buffer);
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!EntityLabels.IsBegin(labels[i])) continue;
                var type = EntityLabels.TypeOf(labels[i]);
                var e = i + 1;
                while (e < tokens.Count && labels[e] == EntityLabels.Inside(type)) e++;
                var end = tokens[e - 1].End;
                // "Kursk region", "Sumy Oblast": the region word is part of the region's name
                if (model.Labels.Types[type] == "LOC" && e < tokens.Count && RegionWords.Contains(tokens[e].Of(text))) end = tokens[e++].End;
                mentions.Add(new Mention(new TextSpan(tokens[i].Start, end), model.Labels.Types[type]));
                i = e - 1;
            }
        }
        return mentions;
    }
}
