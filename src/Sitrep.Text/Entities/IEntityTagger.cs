using Sitrep.Core.Documents;

namespace Sitrep.Text.Entities;

/// <summary>Labels the tokens of a document's sentences with IOB2 entity labels. One per worker: not thread-safe.</summary>
public interface IEntityTagger
{
    EntityLabels Labels { get; }

    /// <summary>A short name of the model, recorded with every document it reads ("perceptron", "encoder").</summary>
    string Name { get; }

    /// <summary>labels[s][i] receives the label of token i of sentence s (arrays at least as long as the sentences).</summary>
    void Tag(string text, IReadOnlyList<List<TextSpan>> sentences, IReadOnlyList<int[]> labels);
}

/// <summary>The averaged perceptron (<see cref="EntityModel"/>) as a tagger: sentence by sentence, with the document's memory.</summary>
public sealed class PerceptronTagger(EntityModel model, ILexicon lexicon) : IEntityTagger
{
    private readonly FeatureExtractor _features = new(lexicon);
    private readonly DocumentMemory _memory = new();
    private readonly List<ulong> _buffer = new(96);

    public EntityModel Model => model;
    public EntityLabels Labels => model.Labels;
    public string Name => "perceptron";

    public void Tag(string text, IReadOnlyList<List<TextSpan>> sentences, IReadOnlyList<int[]> labels)
    {
        _memory.Clear();
        for (var s = 0; s < sentences.Count; s++)
            model.Tag(_features, text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sentences[s]), _memory, labels[s], _buffer);
    }
}
