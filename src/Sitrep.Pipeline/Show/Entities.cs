using Sitrep.Core.Documents;
using Sitrep.Core.Entities;
using Sitrep.Resolve;
using Sitrep.Store;

namespace Sitrep.Pipeline.Show;

public static class Entities
{
    /// <summary>The store's mentions resolved into entities, one per real person, place or organisation; places put on the map when a gazetteer is given.</summary>
    public static List<Entity> Of(IDocumentStore store, Gazetteer? gazetteer = null)
    {
        if (gazetteer is not null)
            foreach (var p in store.ImportedPlaces()) gazetteer.Add(new Place(p.Id, p.Name, p.Country, p.Feature, p.Population, p.Lat, p.Lon), p.Alternates.Prepend(p.Name));
        var stored = store.AllMentions().Select(m => new EntityMention(m.Document, new TextSpan(m.Start, m.End), m.Type, m.Text)).ToList();
        // one spelling, one type; then what the words around each place say it names
        var mentions = TypeVote.Agree(stored, gazetteer is null ? null : gazetteer.Knows, gazetteer is null ? null : gazetteer.IsListed);
        var bodies = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Body(string document) => bodies.TryGetValue(document, out var body) ? body : bodies[document] = store.GetBody(document);
        var senses = PlaceSenses.Of(mentions, Body);
        var entities = EntityResolver.Resolve(mentions, store.Corrections(), senses, AcronymDefinitions.Of(mentions, Body));
        return gazetteer is null ? entities : PlaceLinker.Link(entities, gazetteer, senses);
    }
}
