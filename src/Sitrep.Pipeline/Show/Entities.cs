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
        var entities = EntityResolver.Resolve(store.AllMentions().Select(m => new EntityMention(m.Document, new TextSpan(m.Start, m.End), m.Type, m.Text)), store.Corrections());
        if (gazetteer is null) return entities;
        foreach (var p in store.ImportedPlaces()) gazetteer.Add(new Place(p.Id, p.Name, p.Country, p.Feature, p.Population, p.Lat, p.Lon), p.Alternates.Prepend(p.Name));
        return PlaceLinker.Link(entities, gazetteer);
    }
}
