using Sitrep.Core.Entities;
using Sitrep.Core.Events;

namespace Sitrep.Resolve.Events;

/// <summary>What one sentence says about an event once its names are entities: all a merge decision sees.</summary>
public sealed record ReportView(
    string Document,
    string Type,
    EventDate? Date,
    Entity? Place,
    IReadOnlyList<Entity> Actors,
    string? Side,
    IReadOnlyList<Entity> Targets,
    IReadOnlyList<EventQuantity> Quantities,
    string? Source,
    string Sentence);

/// <summary>Two reports are of different events, could be one, or are one.</summary>
public enum MergeVerdict { Apart, Compatible, Linked }

/// <summary>Decides whether two reports are of one real event; a learned pairwise model can take its place.</summary>
public delegate MergeVerdict EventMatcher(ReportView a, ReportView b);

/// <summary>
/// The rules by which two reports are one event. Apart when the types differ, the dates cannot meet, or the places are
/// different places neither of which holds the other. Linked when something ties them: the same place (or a town and
/// the region or country around it), a shared doer or target, or the same count. Doers of opposite sides do not keep
/// reports apart when the reports are attributed to different sources (linked when they agree on where or on whom, or
/// one article sets the two accounts side by side): that is the event both sides blame on each other, and its conflict
/// is kept.
/// </summary>
public static class EventRules
{
    private static readonly TimeSpan NewsWindow = TimeSpan.FromDays(7);

    /// <summary>How far a town may lie from a region's centre to be taken as inside it.</summary>
    private const double RegionKm = 200;

    public static MergeVerdict Compare(ReportView a, ReportView b)
    {
        if (a.Type != b.Type || !DatesMeet(a, b)) return MergeVerdict.Apart;
        var place = Places(a.Place, b.Place);
        if (place == PlaceRelation.Different) return MergeVerdict.Apart;
        var sharedTarget = a.Targets.Intersect(b.Targets).Any();
        var sharedActor = a.Actors.Intersect(b.Actors).Any();
        // statements: who speaks is who acts, so two speakers are two statements
        if (Speaks(a) && Speaks(b) && a.Source != b.Source) return MergeVerdict.Apart;
        if (a.Side is not null && b.Side is not null && !string.Equals(a.Side, b.Side, StringComparison.OrdinalIgnoreCase))
        {
            if (Speaks(a) || Speaks(b)) return MergeVerdict.Apart;
            // one side blames the other: one event only when two sources say so about one place or one target
            var attributed = a.Source is not null && b.Source is not null && a.Source != b.Source;
            if (!attributed) return MergeVerdict.Apart;
            return place is PlaceRelation.Same or PlaceRelation.Inside || sharedTarget || a.Document == b.Document
                ? MergeVerdict.Linked : MergeVerdict.Compatible;
        }
        var linked = place is PlaceRelation.Same or PlaceRelation.Inside || sharedActor || sharedTarget
            || a.Quantities.Any(q => b.Quantities.Any(x => x.Value == q.Value && x.Unit == q.Unit && x.Of == q.Of))
            || (a.Document == b.Document && a.Place is null && b.Place is null
                && a.Actors.Count == 0 && b.Actors.Count == 0
                && a.Date is { FromText: true } && a.Date == b.Date)
            // "the attack", "this bombing": a bare report in an article is the event of that type it already told
            || (a.Document == b.Document && (Bare(a) && !Dates(a, b) || Bare(b) && !Dates(b, a)));
        return linked ? MergeVerdict.Linked : MergeVerdict.Compatible;
    }

    /// <summary>The text dates of the two differ: a bare report dated elsewhere is not "the attack" of this one.</summary>
    private static bool Dates(ReportView bare, ReportView other) =>
        bare.Date is { FromText: true } d && other.Date is { FromText: true } o && !d.Overlaps(o);

    private static bool Speaks(ReportView r) =>
        r.Source is { } source && r.Actors.Count > 0 && r.Actors[0].Id == source;

    private static bool Bare(ReportView r) =>
        r.Place is null && r.Actors.Count == 0 && r.Targets.Count == 0 && r.Quantities.Count == 0;

    private enum PlaceRelation { Unknown, Same, Inside, Broader, Different }

    /// <summary>
    /// Same place; a town inside a region (or a region's capital named for it, "Kursk" beside "Kursk region"); one of
    /// them a country that holds the other (compatible, not a link: "Ukraine" says little); or different.
    /// </summary>
    private static PlaceRelation Places(Entity? a, Entity? b)
    {
        if (a is null || b is null) return PlaceRelation.Unknown;
        if (a == b || RegionOf(a, b)) return PlaceRelation.Same;
        if (a.Geo is not { } x || b.Geo is not { } y) return PlaceRelation.Different;
        if (x.Country != y.Country || x.Country.Length == 0) return PlaceRelation.Different;
        if (x.Kind == "country" || y.Kind == "country")
            return x.Kind == y.Kind ? PlaceRelation.Different : PlaceRelation.Broader;
        var (town, region) = x.Kind == "admin1" ? (y, x) : (x, y);
        if (region.Kind == "admin1" && town.Kind != "admin1"
            && Gazetteer.Kilometres(town.Lat, town.Lon, region.Lat, region.Lon) <= RegionKm)
            return PlaceRelation.Inside;
        return PlaceRelation.Different;
    }

    /// <summary>"Kursk" and "Kursk region": news names a region by its capital, so the two may be one place.</summary>
    private static bool RegionOf(Entity a, Entity b)
    {
        static bool Regional(string name) => name.EndsWith(" region", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(" oblast", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(" province", StringComparison.OrdinalIgnoreCase);
        static string Stem(string name) => name.Split(' ')[0];
        var (city, region) = Regional(a.Name) ? (b, a) : (a, b);
        return Regional(region.Name) && !Regional(city.Name) && !city.Name.Contains(' ')
            && string.Equals(NameKey.Of(Stem(region.Name)), NameKey.Of(city.Name), StringComparison.Ordinal);
    }

    public static bool DatesMeet(ReportView a, ReportView b)
    {
        if (a.Date is not { } x || b.Date is not { } y) return true;
        if (x.FromText && y.FromText)
            // a day apart across outlets is the night of the 11th reported as the 12th; in one article, another day
            return x.Overlaps(y) || (a.Document != b.Document && Math.Abs(x.From.DayNumber - y.From.DayNumber) <= 1
                && x.Days == 1 && y.Days == 1);
        if (!x.FromText && !y.FromText) return Math.Abs(x.From.DayNumber - y.From.DayNumber) <= 2;
        var (text, published) = x.FromText ? (x, y) : (y, x);
        return text.From <= published.To && published.From.DayNumber - text.To.DayNumber <= NewsWindow.Days;
    }
}
