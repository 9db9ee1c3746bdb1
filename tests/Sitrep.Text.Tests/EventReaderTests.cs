using Sitrep.Core.Claims;
using Sitrep.Core.Events;
using Sitrep.Tests;
using Sitrep.Text.Entities;
using Sitrep.Text.Events;
using Sitrep.Text.Quantities;
using Sitrep.Text.Time;

namespace Sitrep.Text.Tests;

/// <summary>The reading stages end to end on texts written for these tests, with the committed model and lexicons.</summary>
internal static class Reading
{
    private static readonly Lazy<EntityRecognizer> Recognizer = new(() =>
    {
        var root = TestPaths.RepoRoot;
        var lexicon = Lexicon.Load(Path.Combine(root, "data", "lexicon"), Path.Combine(root, "artifacts", "gazetteer", "cities.tsv"), Path.Combine(root, "models", "clusters.tsv"));
        return new EntityRecognizer(EntityModel.Load(Path.Combine(root, "models", "ner.bin")), lexicon);
    });

    private static readonly Lazy<EventReader> Events = new(() => EventReader.Load(Path.Combine(TestPaths.RepoRoot, "data")));

    public sealed record Read(string Text, List<Claim> Claims, List<EventMention> Events, List<Core.Time.TimeExpression> Times)
    {
        public string Of(Core.Documents.TextSpan? span) => span is { } s ? s.Of(Text) : "";
        public string TimeValue(EventMention e) => e.Time is { } t ? Times.First(x => x.Span == t).Value : "";
        public EventMention Event(string type) => Events.Single(e => e.Type == type);
    }

    public static Read Text(string text, DateOnly published)
    {
        var mentions = Recognizer.Value.Recognize(text);
        var times = TimeTagger.Tag(text, published);
        var (claims, events) = Events.Value.Read(text, mentions, times, QuantityTagger.Tag(text, times));
        return new Read(text, claims, events, times);
    }
}

public class EventReaderTests
{
    private static readonly DateOnly Thursday = new(2025, 3, 13);

    [Fact]
    public void Debug()
    {
        var r = Reading.Text("Since Tuesday, the town of Pokrovsk remains the last stronghold.\nAnton Melnyk, secretary of the security committee in the Ukrainian parliament, told reporters at a briefing on Wednesday that Russian troops have entered the town and are trying to cut the supply lines.", Thursday);
        Assert.Fail(string.Join("\n", r.Events.Select(e => $"{e.Type} [{r.Of(e.Trigger)}] {string.Join(",", e.Actors.Select(a => r.Of(a)))} {r.Of(e.Place)} {r.TimeValue(e)}")) + "\n" + string.Join("\n", r.Times.Select(t => $"{t.Span} {t.Value}")));
    }
}
