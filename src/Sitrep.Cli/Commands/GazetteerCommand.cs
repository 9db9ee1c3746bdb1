using System.CommandLine;
using System.IO.Compression;
using Sitrep.Resolve;
using Sitrep.Store;

namespace Sitrep.Cli.Commands;

internal static class GazetteerCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A GeoNames dump: allCountries.txt, RU.txt, UA.txt (also .zip or .gz)" };
        var import = new Command("import", CommonOptions.Example("Load a full GeoNames country dump into the database, so that villages (and their Cyrillic names) can be placed.",
            "sitrep gazetteer import RU.txt", "sitrep gazetteer import UA.zip --db team.db"))
        {
            file,
        };
        import.SetAction(parse => CommonOptions.WithStore(parse, store =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) { Console.Error.WriteLine($"sitrep: {path}: no such file"); return 1; }
            try
            {
                using var reader = Open(path);
                int count;
                using (var tx = store.Begin())
                {
                    count = store.ImportPlaces(Gazetteer.ReadGeoNamesDump(reader).Select(x => new ImportedPlace(
                        x.Place.Id, x.Place.Name, x.Names.Where(n => n != x.Place.Name).ToList(), x.Place.Country, x.Place.Feature, x.Place.Population, x.Place.Lat, x.Place.Lon)));
                    tx.Commit();
                }
                Console.Error.WriteLine($"imported {count:N0} places from {path}");
                return 0;
            }
            catch (Exception e) when (e is FormatException or InvalidDataException or IOException)
            {
                // the transaction was not committed: nothing from a bad file is kept
                Console.Error.WriteLine($"sitrep: {path}: not a GeoNames dump ({e.Message}); nothing imported");
                return 1;
            }
        }));
        return new Command("gazetteer", "Manage the places sitrep can put on the map.") { import };
    }

    private static TextReader Open(string path)
    {
        var stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var zip = new ZipArchive(stream);
            var entry = zip.Entries.FirstOrDefault(e => e.Name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) && !e.Name.StartsWith("readme", StringComparison.OrdinalIgnoreCase))
                        ?? throw new InvalidDataException("the archive holds no .txt dump");
            return new StreamReader(entry.Open());
        }
        return new StreamReader(stream);
    }
}
