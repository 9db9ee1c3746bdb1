using Sitrep.Text.Entities;

namespace Sitrep.Cli.Commands;

/// <summary>Finds the trained models: an explicit path, $SITREP_MODELS, the folder beside the program, or the repository's models/.</summary>
internal static class Models
{
    public static string? Find(string file)
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("SITREP_MODELS") is { Length: > 0 } env) candidates.Add(Path.Combine(env, file));
        candidates.Add(Path.Combine(AppContext.BaseDirectory, "models", file));
        for (var d = new DirectoryInfo(Environment.CurrentDirectory); d is not null; d = d.Parent) candidates.Add(Path.Combine(d.FullName, "models", file));
        return candidates.FirstOrDefault(File.Exists);
    }

    public static EntityModel? LoadEntities(string? path)
    {
        path ??= Find("ner.bin");
        if (path is null || !File.Exists(path))
        {
            Console.Error.WriteLine($"sitrep: no entity model at {path ?? "models/ner.bin"} (train one with 'sitrep train ner')");
            return null;
        }
        try { return EntityModel.Load(path); }
        catch (Exception e) when (e is InvalidDataException or IOException or EndOfStreamException)
        {
            Console.Error.WriteLine($"sitrep: {path}: {e.Message}");
            return null;
        }
    }
}
