using System.CommandLine;
using Sitrep.Text.Entities;
using Sitrep.Text.Entities.Encoder;

namespace Sitrep.Cli.Commands;

/// <summary>
/// Which model reads the names: the fine-tuned encoder (models/ner-encoder.bin over the MiniLM package) by default, the
/// averaged perceptron (models/ner.bin) with --fast or when the encoder cannot be loaded. One encoder per process.
/// </summary>
internal static class EntityModes
{
    public static Option<bool> FastOption() => new("--fast")
    {
        Description = "Read names with the averaged perceptron (models/ner.bin): several times faster, less accurate on unseen text; needs no encoder (also SITREP_ENTITIES=fast)",
    };

    private static EncoderRuntime? _runtime;

    /// <summary>The tagger for the mode, with the model's record of its training; null (and a message) when none can be loaded.</summary>
    public static (IEntityTagger Tagger, IReadOnlyDictionary<string, string> Info)? Load(bool fast, string? perceptronPath, Lexicon lexicon, bool quiet = false)
    {
        // SITREP_ENTITIES=fast makes --fast the default (bulk backfills, scripts, the CLI's own tests)
        fast |= Environment.GetEnvironmentVariable("SITREP_ENTITIES") is "fast";
        if (!fast)
        {
            if (Resources.Find(Resources.EncoderEntityModel) is not { } path)
            {
                if (!quiet) Console.Error.WriteLine($"warning: no encoder entity model ({Resources.EncoderEntityModel}); names are read by the perceptron (as with --fast)");
            }
            else
            {
                try
                {
                    _runtime ??= new EncoderRuntime(EncoderEntityModel.Load(path));
                    return (new EncoderEntityTagger(_runtime, lexicon), _runtime.Model.Info);
                }
                catch (Sitrep.Models.EncoderUnavailableException e)
                {
                    Console.Error.WriteLine($"sitrep: {e.Message}");
                    return null;
                }
                catch (Exception e) when (e is InvalidDataException or IOException or EndOfStreamException)
                {
                    Console.Error.WriteLine($"sitrep: {path}: {e.Message}");
                    return null;
                }
            }
        }
        if (Resources.LoadEntities(perceptronPath) is not { } model) return null;
        return (new PerceptronTagger(model, lexicon), model.Info);
    }
}
